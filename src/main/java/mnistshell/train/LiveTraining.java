package mnistshell.train;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import mnistshell.data.Dataset;
import mnistshell.data.Split;
import mnistshell.nn.Network;

/**
 * Training on a thread of its own while a panel watches: {@link #run} is that thread's body. The
 * panel talks to it only through a queue of requests and a snapshot it asks for; neither side ever
 * waits on a lock the other holds, so drawing never delays an update. Every request is applied
 * between two updates, on the training thread, and a setting change goes through the same
 * {@code set} the command uses: the session afterwards is exactly that of {@code step} runs with
 * those {@code set} commands in between.
 */
public final class LiveTraining {

    /** How many updates' sizes a snapshot carries: enough for a sparkline and for the warnings. */
    public static final int KEPT_SIZES = 64;
    /** Updates asked of one run of {@link Training#runUpdates} when no goal bounds it. */
    static final int CHUNK = 1_000_000;
    private static final long IDLE_MILLIS = 10;

    /** A change of a setting, as {@code set KEY WORDS} would make it. */
    record Change(String key, List<String> words) {
    }

    record Scale(double factor) {
    }

    private final Training training;
    private final Network network;
    private final Dataset data;
    private final Split split;
    private final BiConsumer<String, List<String>> set;
    private final ConcurrentLinkedQueue<Object> requests = new ConcurrentLinkedQueue<>();
    private final AtomicReference<LiveSnapshot> published = new AtomicReference<>();
    private volatile boolean snapshotWanted;
    /** When the last update ended (System.nanoTime), for bench: a run's closing evaluation is not an update. */
    private volatile long lastUpdateAt;
    private volatile boolean running = true;
    private static final Object TOGGLE = new Object();
    private static final Object ONE = new Object();
    private static final Object STOP = new Object();

    // the training thread's own state
    private final ArrayDeque<UpdateSizes> sizes = new ArrayDeque<>();
    /** History points already handed out: none at first, so the curves start from init. */
    private int pointsCopied;
    private int validationsCopied;
    private boolean paused;
    private int stepsWanted;
    private String ended;
    private String failure;
    private int made;
    private boolean interrupted;

    /**
     * @param set how a setting is changed ({@code Session::set} in the shell), called on the
     *            training thread between two updates
     */
    public LiveTraining(Training training, Network network, Dataset data, Split split,
                        BiConsumer<String, List<String>> set, boolean startPaused) {
        this.training = training;
        this.network = network;
        this.data = data;
        this.split = split;
        this.set = set;
        this.paused = startPaused;
        sizes.addAll(training.recentSizes()); // so that the layers show something before the first update here
    }

    // ---- asked from the panel's thread ----

    public void togglePause() {
        requests.add(TOGGLE);
    }

    /** One update, when paused (ignored while running). */
    public void stepOnce() {
        requests.add(ONE);
    }

    /** Changes a setting between two updates, as {@code set KEY WORDS}. */
    public void set(String key, List<String> words) {
        requests.add(new Change(key, List.copyOf(words)));
    }

    /**
     * Multiplies the learning rate by {@code factor} between two updates: a {@code set lr} of the
     * product, read from the settings in effect then, so that two quick presses double it twice.
     */
    public void scaleLr(double factor) {
        requests.add(new Scale(factor));
    }

    /** Stops after the update in progress, once the requests made before this one are carried out. */
    public void stop() {
        requests.add(STOP);
    }

    /** Asks for a snapshot at the next point between two updates (or at once, when paused). */
    public void requestSnapshot() {
        snapshotWanted = true;
    }

    /** The snapshot asked for, once made, or null; each is handed out once. */
    public LiveSnapshot takeSnapshot() {
        return published.getAndSet(null);
    }

    /** False once {@link #run} has returned (its last snapshot, if asked for, is published). */
    public boolean running() {
        return running;
    }

    // ---- the training thread ----

    /** What the run did, for the command's summary line. */
    public record Result(int updates, boolean interrupted, String failure) {
    }

    /**
     * Trains until {@code goal} more updates have been made ({@code goal} 0: until stopped), the
     * panel says stop, {@code cancelled} says so, or an update fails.
     */
    public Result run(int goal, BooleanSupplier cancelled) {
        try {
            loop(goal, cancelled);
        } finally {
            publish(); // the final state, whether asked or not, so that the panel can show how it ended
            running = false;
        }
        return new Result(made, interrupted, failure);
    }

    private void loop(int goal, BooleanSupplier cancelled) {
        while (true) {
            if (applyRequests() || cancelled.getAsBoolean()) {
                interrupted = goal > 0 && made < goal; // q ends a run without a goal as it should end
                ended = "stopped after update " + training.updates();
                return;
            }
            if (goal > 0 && made >= goal) {
                ended = "done: " + made + " updates";
                return;
            }
            if (snapshotWanted) {
                publish();
            }
            if (paused && stepsWanted == 0) {
                idle();
                continue;
            }
            // running, any request ends the run at the next update's end, so that it applies in order
            BooleanSupplier interrupt = paused ? cancelled : () -> !requests.isEmpty() || cancelled.getAsBoolean();
            int count = paused ? 1 : goal > 0 ? goal - made : CHUNK;
            Training.Outcome o = training.runUpdates(count, data, split, interrupt, done -> afterUpdate(), line -> { });
            made += o.updates();
            stepsWanted -= paused ? o.updates() : 0;
            if (o.failure() != null) {
                failure = o.failure();
                ended = "stopped: " + o.failure();
                return;
            }
        }
    }

    /**
     * Applies the requests in the order they came, up to an update asked for with {@code n} (the
     * ones after it wait for it to be made); true when one of them says stop.
     */
    private boolean applyRequests() {
        while (!(paused && stepsWanted > 0)) {
            Object r = requests.poll();
            if (r == null) {
                return false;
            }
            if (r == STOP) {
                return true;
            } else if (r == TOGGLE) {
                paused = !paused;
                stepsWanted = 0;
            } else if (r == ONE) {
                stepsWanted += paused ? 1 : 0;
            } else if (r instanceof Change c) {
                set.accept(c.key(), c.words());
            } else if (r instanceof Scale sc) {
                set.accept("lr", List.of(plain(training.settings().lr() * sc.factor())));
            }
        }
        return false;
    }

    /** Between two updates: keep the last update's sizes, and make a snapshot if one is wanted. */
    /** System.nanoTime when the last update ended; 0 before the first. */
    public long lastUpdateAt() {
        return lastUpdateAt;
    }

    private void afterUpdate() {
        lastUpdateAt = System.nanoTime();
        List<UpdateSizes> recent = training.recentSizes();
        if (!recent.isEmpty()) {
            if (sizes.size() == KEPT_SIZES) {
                sizes.removeFirst();
            }
            sizes.addLast(recent.get(recent.size() - 1));
        }
        if (snapshotWanted) {
            publish();
        }
    }

    private void publish() {
        snapshotWanted = false;
        List<History.Point> points = training.history().points();
        List<History.Validation> validations = training.history().validations();
        // an undo may have taken back points already handed out: the panel keeps those, as it drew them
        List<History.Point> fresh = List.copyOf(points.subList(Math.min(pointsCopied, points.size()), points.size()));
        List<History.Validation> freshVal = List.copyOf(validations.subList(
                Math.min(validationsCopied, validations.size()), validations.size()));
        pointsCopied = points.size();
        validationsCopied = validations.size();
        LiveSnapshot previous = published.getAndSet(null);
        if (previous != null) { // not taken yet: keep its points, or the panel's curves would miss them
            List<History.Point> all = new ArrayList<>(previous.newPoints());
            all.addAll(fresh);
            fresh = all;
            List<History.Validation> allVal = new ArrayList<>(previous.newValidations());
            allVal.addAll(freshVal);
            freshVal = allVal;
        }
        Settings s = training.settings();
        published.set(new LiveSnapshot(training.updates(), training.epoch(), s,
                s.schedule().rate(s.lr(), training.updates()), fresh, freshVal,
                List.copyOf(training.history().changes()),
                List.copyOf(sizes), network.copy(), paused, ended, failure));
    }

    /** {@code v} in plain decimals that parse back to the same double: 0.2, 0.0125, 0.0001. */
    static String plain(double v) {
        return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }

    private void idle() {
        try {
            Thread.sleep(IDLE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            requests.add(STOP);
        }
    }
}
