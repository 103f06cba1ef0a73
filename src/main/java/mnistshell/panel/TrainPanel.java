package mnistshell.panel;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.screen.Screen;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import mnistshell.render.TrainScreen;
import mnistshell.session.Session;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import mnistshell.data.Dataset;
import mnistshell.data.Split;
import mnistshell.nn.Network;
import mnistshell.train.LiveSnapshot;
import mnistshell.train.Training;
import mnistshell.train.LiveTraining;

/**
 * {@code train}: the network trains on a thread of its own while this panel, on the command's
 * thread, asks for a snapshot at most {@value #FRAMES_PER_SECOND} times a second (by its clock,
 * and less often when a frame costs more than a 25th of that time) and draws it. Keys become requests the training thread carries out between two updates:
 * space pauses and resumes, {@code n} makes one update while paused, {@code +} and {@code -}
 * double and halve lr (real {@code set lr} changes), {@code p} cycles the panes that have no room,
 * {@code q}, Esc or Ctrl-C stop after the update in progress.
 */
public final class TrainPanel extends Panel {

    static final int FRAMES_PER_SECOND = 10;
    static final long FRAME_NANOS = 1_000_000_000L / FRAMES_PER_SECOND;
    /** Frames are spaced at least this many times their own cost apart. */
    static final long COST_SHARE = 25;
    static final long SLOWEST_FRAME_NANOS = 500_000_000L;
    /** Held-out images shown with their predictions, and training images the active shares are measured on. */
    static final int WATCHED = 12;
    static final int SAMPLE = 100;
    /** How long what a key said stays in place of the key line. */
    static final long MESSAGE_NANOS = 3_000_000_000L;

    private final LiveTraining live;
    private final LiveWatch watch;
    private final LongSupplier clock;
    private final boolean leaveWhenDone;
    private final AtomicReference<Throwable> failed;
    private boolean asked;
    private long lastAsked;
    private final long[] costs = new long[3];
    private int frames;
    private int first;
    private String message;
    private long messageAt;
    private List<String> hidden = List.of();

    /** {@code clock} gives nanoseconds (System::nanoTime but in tests); {@code leaveWhenDone} is for the bench. */
    TrainPanel(Screen screen, LiveTraining live, LiveWatch watch, LongSupplier clock, boolean leaveWhenDone,
               AtomicReference<Throwable> failed) {
        super(screen);
        this.failed = failed;
        this.live = live;
        this.watch = watch;
        this.clock = clock;
        this.leaveWhenDone = leaveWhenDone;
    }

    /**
     * Trains {@code session} in the panel: {@code goal} updates, or until stopped when 0. Returns
     * once the user has left and the training thread has finished its update in progress.
     */
    public static LiveTraining.Result open(Screens screens, Session session, int goal, BooleanSupplier cancelled,
                                           LongSupplier clock) throws IOException {
        LiveTraining live = new LiveTraining(session.training(), session.network(), session.data(), session.split(),
                session::set, false);
        LiveWatch watch = watch(session, clock.getAsLong());
        AtomicReference<Throwable> failed = new AtomicReference<>();
        return beside(live, goal, cancelled, failed, () -> Panels.run(screens, false,
                screen -> new TrainPanel(screen, live, watch, clock, false, failed)));
    }

    /**
     * For {@code bench --live}: {@code updates} updates of {@code training} on its own thread while
     * the panel draws real snapshots at its real cadence on a virtual terminal of {@code cols x rows};
     * returns the seconds from the start to the last update.
     */
    public static double timed(Training training, Network net, Dataset data, Split split, int updates, int cols,
                               int rows) throws IOException {
        DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(cols, rows));
        TerminalScreen screen = new TerminalScreen(terminal);
        screen.startScreen();
        int[] heldOut = split.hasValidation() ? split.val() : split.test();
        int[] watched = LiveWatch.wrongFirst(data, heldOut, training.evaluate(data, heldOut).predictions(), WATCHED);
        int[] sample = Arrays.copyOf(split.train(), Math.min(SAMPLE, split.train().length));
        LiveTraining live = new LiveTraining(training, net, data, split, training::set, false);
        AtomicReference<Throwable> failed = new AtomicReference<>();
        long start = System.nanoTime();
        TrainPanel panel = new TrainPanel(screen, live, new LiveWatch(data, watched, sample, start,
                split.hasValidation()), System::nanoTime, true, failed);
        LiveTraining.Result r = beside(live, updates, () -> false, failed, panel::run);
        double seconds = (live.lastUpdateAt() - start) / 1e9; // the updates alone, as bench times step's
        screen.stopScreen();
        if (r.failure() != null) {
            throw new IllegalStateException(r.failure());
        }
        return seconds;
    }

    /**
     * The watched held-out images (wrong ones first) and the sample for active shares, chosen before
     * training starts: validation images when some are held out, so that tuning never looks at the test images.
     */
    static LiveWatch watch(Session session, long start) {
        boolean val = session.split().hasValidation();
        int[] heldOut = val ? session.split().val() : session.split().test();
        int[] predicted = (val ? session.evaluateValidation() : session.evaluateTest()).predictions();
        int[] watched = LiveWatch.wrongFirst(session.data(), heldOut, predicted, WATCHED);
        int[] train = session.split().train();
        return new LiveWatch(session.data(), watched, Arrays.copyOf(train, Math.min(SAMPLE, train.length)), start, val);
    }

    interface PanelRun {
        void run() throws IOException;
    }

    /** Runs the training thread beside the panel's {@code run}, and always stops and joins it, whatever {@code run} does. */
    static LiveTraining.Result beside(LiveTraining live, int goal, BooleanSupplier cancelled,
                                      AtomicReference<Throwable> error, PanelRun run) throws IOException {
        AtomicReference<LiveTraining.Result> result = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                result.set(live.run(goal, cancelled));
            } catch (RuntimeException | Error e) {
                error.set(e); // the panel sees it and leaves; the command rethrows it
            }
        }, "train");
        thread.setDaemon(true);
        thread.start();
        try {
            run.run();
        } finally {
            live.stop();
            join(thread);
        }
        if (error.get() instanceof RuntimeException e) {
            throw e;
        }
        if (error.get() instanceof Error e) {
            throw e;
        }
        return result.get();
    }

    private static void join(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true; // the update in progress finishes all the same: the session must stay whole
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    void run() throws IOException {
        while (!Thread.currentThread().isInterrupted() && failed.get() == null && turn()) {
            // each turn handles a key, draws a frame that has come, or follows a resize
        }
    }

    /** One turn of the loop; false when the user leaves (or, for the bench, when training has ended). */
    boolean turn() throws IOException {
        KeyStroke key = screen.pollInput();
        if (key != null) {
            if (isCtrlC(key) || !handle(key)) {
                return false;
            }
            redraw();
            return true;
        }
        if (tick()) {
            return true;
        }
        if (screen.doResizeIfNecessary() != null) {
            redraw();
            return true;
        }
        if (leaveWhenDone && !live.running() && watch.last() != null && watch.last().ended() != null) {
            return false;
        }
        idle();
        return true;
    }

    /** Asks for a snapshot when a frame is due, and draws one when it has come; true if it drew. */
    boolean tick() throws IOException {
        long now = clock.getAsLong();
        if (!asked && (watch.last() == null || now - lastAsked >= frameInterval(cheapest()))) {
            live.requestSnapshot();
            asked = true;
            lastAsked = now;
        }
        LiveSnapshot s = live.takeSnapshot();
        if (s == null) {
            return false;
        }
        asked = false;
        watch.add(s, now);
        draw();
        costs[frames++ % costs.length] = clock.getAsLong() - now;
        return true;
    }

    /** The cheapest of the last few frames: a cold first frame, or one that recomputed the predictions, is no rule. */
    private long cheapest() {
        long min = Long.MAX_VALUE;
        for (int i = 0; i < Math.min(frames, costs.length); i++) {
            min = Math.min(min, costs[i]);
        }
        return frames == 0 ? 0 : min;
    }

    /**
     * The time from one snapshot asked for to the next: a tenth of a second, or longer when a frame
     * costs more than {@code 1 / COST_SHARE} of it (a big terminal, a slow machine), so that
     * drawing takes no more than that share of a core from training; but twice a second at least.
     */
    static long frameInterval(long frameCost) {
        return Math.min(SLOWEST_FRAME_NANOS, Math.max(FRAME_NANOS, COST_SHARE * frameCost));
    }

    private void redraw() throws IOException {
        if (watch.last() != null) {
            draw();
        }
    }

    @Override
    boolean handle(KeyStroke key) {
        message = null;
        messageAt = clock.getAsLong();
        if (isQuit(key)) {
            return false;
        }
        if (key.getCharacter() == null || key.isCtrlDown()) {
            return true;
        }
        LiveSnapshot s = watch.last();
        boolean over = s != null && s.ended() != null;
        switch (key.getCharacter()) {
            case ' ' -> live.togglePause();
            case 'n' -> {
                if (s != null && !s.paused()) {
                    message = "n makes one update while paused: space pauses";
                }
                live.stepOnce();
            }
            case '+' -> {
                live.scaleLr(2);
                message = "lr doubled from the next update (a set lr change)";
            }
            case '-' -> {
                live.scaleLr(0.5);
                message = "lr halved from the next update (a set lr change)";
            }
            case 'p' -> {
                if (hidden.isEmpty()) {
                    message = "every pane is shown: p cycles those that have no room";
                } else {
                    first = TrainScreen.PANES.indexOf(hidden.get(0));
                }
            }
            default -> message = "keys: space pause  n one update  + - lr  p panes  q stop";
        }
        if (over && key.getCharacter() != 'p') {
            message = "training has ended: q returns to the prompt";
        }
        return true;
    }

    @Override
    void paint(TextGraphics g, TerminalSize size) {
        long now = clock.getAsLong();
        if (now - messageAt > MESSAGE_NANOS) {
            message = null; // the key line comes back
        }
        TrainScreen.Text text = TrainScreen.render(watch.frame(now, message), size.getColumns(), size.getRows(), first);
        List<String> lines = text.lines();
        hidden = text.hidden();
        for (TrainScreen.Placed p : text.panes()) {
            if (p.pane().equals(TrainScreen.UNITS)) {
                WeightGallery.putWeights(g, 0, p.top() + 1, lines.subList(p.top() + 1, p.top() + p.height()));
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            if (!inUnits(text, i)) {
                g.putString(0, i, lines.get(i));
            }
        }
    }

    private static boolean inUnits(TrainScreen.Text text, int row) {
        return text.panes().stream().anyMatch(p -> p.pane().equals(TrainScreen.UNITS) && row > p.top()
                && row < p.top() + p.height());
    }

    private static void idle() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
