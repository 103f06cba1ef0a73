package mnistshell.commands;

import java.util.Arrays;
import mnistshell.render.Wrap;
import mnistshell.nn.FastKernel;
import mnistshell.nn.Network;
import mnistshell.panel.TrainPanel;
import mnistshell.session.Session;
import mnistshell.shell.Args;
import mnistshell.shell.Command;
import mnistshell.shell.Context;
import mnistshell.train.Training;

/**
 * {@code bench [--runs R] [--updates N]}: times training of the current network on the current data
 * and settings, on a copy, so the session's weights, counters and history stay as they are.
 */
public final class BenchCommand extends Command {

    /** At least this long of updates before any is timed. */
    static final double WARM_UP_SECONDS = 1.5;

    public BenchCommand() {
        super("bench", "bench [--runs R] [--updates N] [--live] [--no-layer-stats]", "time training updates on a copy of the network: median and spread");
    }

    @Override
    public String details() {
        return """
                Warms up first (1.5 s of updates at least, while the JIT compiles the
                kernel), then makes R runs (default 5) of N updates each (default 20 in full
                batch, one epoch's worth with mini-batches) on a copy of the network with the
                current settings, engine and threads, and prints the median, fastest and
                slowest seconds per update, updates per second, and seconds per epoch.
                --live  times the updates as train makes them: on their own thread while
                        the panel draws snapshots ten times a second (on a virtual 200x60
                        terminal: nothing is shown).
                --no-layer-stats  without recording each update's layer statistics
                        (history --layers): what recording them costs.""";
    }

    @Override
    public void run(Args args, Context ctx) {
        int runs = args.intOption("--runs", 5, 1, 1000);
        boolean live = args.flag("--live");
        boolean noLayerStats = args.flag("--no-layer-stats");
        Session session = ctx.session();
        int train = session.trainImages("bench", 1).length;
        int batch = session.training().settings().batch();
        int perEpoch = batch == 0 ? 1 : (train + batch - 1) / batch;
        int updates = args.intOption("--updates", batch == 0 ? 20 : perEpoch, 1, 10_000_000);
        args.done();
        Network net = session.network().copy();
        try (Training copy = new Training(net, session.training().settings(), session.initSeed())) {
            copy.recordLayers(!noLayerStats);
            Timer timer = live ? n -> live(copy, net, session, n) : n -> time(copy, session, n, ctx);
            double warmed = 0; // warm-up, not counted: until the JIT has compiled what the updates run
            do {
                warmed += timer.seconds(Math.max(3, updates / 4));
            } while (warmed < WARM_UP_SECONDS && !ctx.cancelled());
            double[] perUpdate = new double[runs];
            int finished = 0; // a run cut short by Ctrl-C timed fewer updates than it divides by
            while (finished < runs && !ctx.cancelled()) {
                double seconds = timer.seconds(updates);
                if (ctx.cancelled()) {
                    break;
                }
                perUpdate[finished++] = seconds / updates;
            }
            if (finished == 0) {
                ctx.out().println("bench stopped: no run finished, nothing measured");
                return;
            }
            perUpdate = Arrays.copyOf(perUpdate, finished);
            Arrays.sort(perUpdate);
            int n = finished;
            double median = n % 2 == 1 ? perUpdate[n / 2] : (perUpdate[n / 2 - 1] + perUpdate[n / 2]) / 2;
            String runsDone = finished < runs ? finished + " of " + runs + " runs (stopped)" : runs + " runs";
            ctx.out().println(Wrap.line(String.format("%s, %d training images, batch %s, engine %s on %d thread(s), "
                    + "%s of %d updates%s:", session.network().architecture(), train,
                    batch == 0 ? "full" : Integer.toString(batch), engine(copy, net), copy.settings().threads(), runsDone,
                    updates, (live ? " in the train panel" : "") + (noLayerStats ? ", no layer statistics" : "")),
                    Wrap.COLUMNS, 2));
            ctx.out().println(Wrap.line(String.format("  median %.3f ms/update (fastest %.3f, slowest %.3f), "
                    + "%.1f updates/s, %.3f s/epoch", 1e3 * median, 1e3 * perUpdate[0], 1e3 * perUpdate[n - 1],
                    1 / median, median * perEpoch), Wrap.COLUMNS, 4));
        }
    }

    /** The engine's name, and for the fast one which of its sums run natively. */
    private static String engine(Training training, Network net) {
        if (!training.settings().engine().equals("fast")) {
            return training.settings().engine();
        }
        if (net.isLayered()) { // the layer kernel: products, no first-layer sums
            return FastKernel.nativeProductsAvailable() ? "fast (native products)" : "fast (plain Java products)";
        }
        if (!FastKernel.nativeSumsAvailable()) {
            return "fast (plain Java sums: no native library or no AVX2 here)";
        }
        return FastKernel.nativeSumsWide() ? "fast (native sums: AVX-512 for the seed's layer, else AVX2)"
                : "fast (native AVX2 sums)";
    }

    /** How one timed run is made: straight, as step makes them, or in the panel, as train does. */
    private interface Timer {
        double seconds(int updates);
    }

    /** Seconds for {@code updates} updates made as {@code train} makes them, the panel drawing beside them. */
    private static double live(Training training, Network net, Session session, int updates) {
        try {
            return TrainPanel.timed(training, net, session.data(), session.split(), updates, 200, 60);
        } catch (java.io.IOException | IllegalStateException e) {
            throw new mnistshell.errors.ShellError("bench --live: " + e.getMessage());
        }
    }

    /**
     * Seconds for {@code updates} updates of {@code training}, up to the end of the last one: the
     * training-set evaluation that closes every run (its divergence check) is a cost of the run,
     * not of an update. A NaN stop ends the bench with its error.
     */
    private static double time(Training training, Session session, int updates, Context ctx) {
        long start = System.nanoTime();
        long[] lastUpdate = {start};
        Training.Outcome o = training.runUpdates(updates, session.data(), session.split(), ctx::cancelled,
                d -> lastUpdate[0] = System.nanoTime(), l -> { });
        if (o.failure() != null) {
            throw new mnistshell.errors.ShellError("bench: " + o.failure());
        }
        return (lastUpdate[0] - start) / 1e9;
    }
}
