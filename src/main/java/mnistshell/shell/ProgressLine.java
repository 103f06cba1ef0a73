package mnistshell.shell;

import java.io.PrintStream;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;

/**
 * A progress bar redrawn in place on a terminal ({@code \r}), at most five times a second, with the
 * rate and the time left; {@link #clear()} wipes it before the command prints its result. Only used
 * when a person is watching: command files and pipes get plain lines instead.
 */
public final class ProgressLine implements IntConsumer {

    private static final int WIDTH = 24;
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream out;
    private final int total;
    private final LongSupplier clock;
    private final long start;
    private long lastDrawn;
    private boolean drawn;

    /** {@code clock} gives nanoseconds, {@code System::nanoTime} outside tests. */
    public ProgressLine(PrintStream out, int total, LongSupplier clock) {
        this.out = out;
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
        out.print("\r" + render(done, (now - start) / 1e9) + "\033[K");
        out.flush();
    }

    /** The bar for {@code done} of {@code total} after {@code seconds}. */
    String render(int done, double seconds) {
        int filled = (int) ((long) WIDTH * done / total);
        double rate = done / Math.max(seconds, 1e-9);
        double left = (total - done) / Math.max(rate, 1e-9);
        return String.format("[%s%s] %d/%d  %.1f/s  %s left", "#".repeat(filled), ".".repeat(WIDTH - filled),
                done, total, rate, duration(left));
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
