package mnistshell.shell;

import java.io.PrintStream;
import java.util.function.IntConsumer;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * A progress bar redrawn in place on a terminal ({@code \r}), at most five times a second, with the
 * rate and the time left; {@link #clear()} wipes it before the command prints its result. Only used
 * when a person is watching: command files and pipes get plain lines instead.
 */
public final class ProgressLine implements IntConsumer {

    private static final int WIDTH = 24;
    /** A bar narrower than this says too little to be worth its columns. */
    private static final int MIN_CELLS = 5;
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream out;
    private final int total;
    private final LongSupplier clock;
    private final IntSupplier columns;
    private final long start;
    private long lastDrawn;
    private boolean drawn;

    /** {@code clock} gives nanoseconds, {@code System::nanoTime} outside tests; 80 columns. */
    public ProgressLine(PrintStream out, int total, LongSupplier clock) {
        this(out, total, clock, () -> 80);
    }

    /** {@code columns} is the terminal's width, read at every redraw so that a resize is followed. */
    public ProgressLine(PrintStream out, int total, LongSupplier clock, IntSupplier columns) {
        this.out = out;
        this.columns = columns;
        this.total = total;
        this.clock = clock;
        this.start = clock.getAsLong();
        this.lastDrawn = start;
    }

    /** Hears that {@code done} of the {@code total} steps are complete. */
    @Override
    public void accept(int done) {
        long now = clock.getAsLong();
        if (now - lastDrawn < REDRAW_NANOS || done >= total) {
            return;
        }
        lastDrawn = now;
        drawn = true;
        out.print("\r" + render(done, (now - start) / 1e9, columns.getAsInt()) + "\033[K");
        out.flush();
    }

    /** The bar for {@code done} of {@code total} after {@code seconds}, on an 80-column terminal. */
    String render(int done, double seconds) {
        return render(done, seconds, 80);
    }

    /**
     * The bar within {@code columns - 1} characters: a line as wide as the terminal would wrap on
     * some, and {@code \r} only goes back to the start of the last of the lines it wrapped into.
     * The bar shrinks first, then goes; then the figures are cut.
     */
    String render(int done, double seconds, int columns) {
        int room = Math.max(1, (columns > 0 ? columns : 80) - 1);
        double rate = done / Math.max(seconds, 1e-9);
        double left = (total - done) / Math.max(rate, 1e-9);
        String figures = String.format("%d/%d  %.1f/s  %s left", done, total, rate, duration(left));
        int cells = Math.min(WIDTH, room - figures.length() - 3);
        if (cells < MIN_CELLS) {
            return figures.length() <= room ? figures : figures.substring(0, room);
        }
        int filled = (int) ((long) cells * done / total);
        return "[" + "#".repeat(filled) + ".".repeat(cells - filled) + "] " + figures;
    }

    /** Removes the bar, if one was drawn. */
    public void clear() {
        if (drawn) {
            out.print("\r\033[K");
            out.flush();
        }
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s < 60 ? s + " s" : s < 3600 ? (s / 60) + " min " + (s % 60) + " s" : (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }
}
