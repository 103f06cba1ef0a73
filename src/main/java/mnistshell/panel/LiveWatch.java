package mnistshell.panel;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import mnistshell.data.Dataset;
import mnistshell.inspect.GradientHealth;
import mnistshell.inspect.ConvFilters;
import mnistshell.inspect.LayeredActivity;
import mnistshell.nn.Batch;
import mnistshell.nn.Evaluation;
import mnistshell.nn.FastKernel;
import mnistshell.nn.Network;
import mnistshell.nn.layer.Pass;
import mnistshell.render.AsciiDigit;
import mnistshell.render.Numbers;
import mnistshell.render.TrainScreen;
import mnistshell.train.History;
import mnistshell.train.LiveSnapshot;
import mnistshell.train.UpdateSizes;

/**
 * The train panel's side of the snapshots, on the panel's thread: it keeps the curves (each
 * snapshot brings only the points made since the one before), the rate of the last seconds, and
 * what it computes itself from the copied weights (the watched images' predictions and the share
 * of units active), and turns them into a {@link TrainScreen.Frame}.
 */
public final class LiveWatch {

    /**
     * How often the predictions and active shares are recomputed: their forward passes (la4j, on
     * 112 images) take a few milliseconds of a core that training shares.
     */
    static final long ANALYSE_NANOS = 1_000_000_000L;
    /** The rate is measured over about this long. */
    static final long RATE_NANOS = 2_000_000_000L;
    static final int KEPT = 64;

    private final Dataset data;
    private final int[] watched;
    private final int[] sample;
    private final long start;
    private final Series loss = new Series();
    /** The update of the series' first point (0 before any). */
    private int firstUpdate;
    private final Series batch = new Series();
    /** Validation accuracy (and loss) with a validation set; else test accuracy. */
    private final boolean validation;
    private final Series heldOut = new Series();
    private final Series heldOutLoss = new Series();
    private final ArrayDeque<long[]> times = new ArrayDeque<>();
    private final List<ArrayDeque<Double>> active = new ArrayList<>();
    private LiveSnapshot last;
    /**
     * The panel's own kernel for the active shares' forward passes, on the panel's thread alone
     * (training has the others): a conv network's pass over the sample took about 90 ms of a core
     * a second in the la4j reference's, and slowed `train` to 86% of `step`.
     */
    private final FastKernel kernel = new FastKernel(1, true);
    private long analysed;
    private double[][] probabilities;

    /**
     * @param watched    held-out images to show with their predictions: validation images when
     *                   {@code validation}, else test images
     * @param sample     training images over which the share of units active is measured
     * @param start      the clock's nanoseconds when training started
     * @param validation whether a validation set is held out: the panel then shows it, never the test images
     */
    public LiveWatch(Dataset data, int[] watched, int[] sample, long start, boolean validation) {
        this.data = data;
        this.validation = validation;
        this.watched = watched.clone();
        this.sample = sample.clone();
        this.start = start;
    }

    /** The {@code count} held-out images to watch: those {@code predicted} wrong first, then right ones to make up the count. */
    public static int[] wrongFirst(Dataset data, int[] test, int[] predicted, int count) {
        List<Integer> out = new ArrayList<>();
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < test.length && out.size() < count; i++) {
                boolean wrong = predicted[i] != data.label(test[i]);
                if (wrong == (pass == 0)) {
                    out.add(test[i]);
                }
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Takes in a snapshot made at {@code nanos} by the panel's clock. */
    public void add(LiveSnapshot s, long nanos) {
        java.util.Map<Integer, History.Validation> measured = new java.util.HashMap<>();
        s.newValidations().forEach(v -> measured.put(v.update(), v));
        for (History.Point p : s.newPoints()) {
            firstUpdate = firstUpdate == 0 ? p.update() : firstUpdate;
            loss.add(p.loss());
            batch.add(p.trainAccuracy());
            History.Validation v = measured.get(p.update());
            heldOut.add(!validation ? p.testAccuracy() : v == null ? Double.NaN : v.accuracy());
            heldOutLoss.add(v == null ? Double.NaN : v.loss());
        }
        times.addLast(new long[] {nanos, s.update()});
        while (times.size() > 2 && nanos - times.peekFirst()[0] > RATE_NANOS) {
            times.removeFirst();
        }
        boolean changed = last == null || last.update() != s.update();
        last = s;
        if (probabilities == null || changed && nanos - analysed >= ANALYSE_NANOS) {
            analyse(s.network());
            analysed = nanos;
        }
    }

    public LiveSnapshot last() {
        return last;
    }

    /** Updates a second over the last seconds, from the snapshots' counts and times. */
    double rate() {
        if (times.size() < 2) {
            return 0;
        }
        long[] a = times.peekFirst();
        long[] b = times.peekLast();
        return b[0] == a[0] ? 0 : (b[1] - a[1]) / ((b[0] - a[0]) / 1e9);
    }

    private void analyse(Network net) {
        probabilities = new double[watched.length][];
        if (watched.length > 0) {
            org.la4j.Matrix x = Batch.of(data, watched, 0, watched.length).x();
            org.la4j.Matrix p = net.isLayered() ? net.sequential().probabilities(x, Pass.evaluation())
                    : net.forward(x).probabilities();
            for (int i = 0; i < watched.length; i++) {
                probabilities[i] = p.getColumn(i).toDenseVector().toArray();
            }
        }
        if (sample.length == 0) {
            return;
        }
        double[] shares = shares(net);
        for (int l = 0; l < shares.length; l++) {
            if (active.size() <= l) {
                active.add(new ArrayDeque<>());
            }
            if (active.get(l).size() == KEPT) {
                active.get(l).removeFirst();
            }
            active.get(l).addLast(shares[l]);
        }
    }

    /**
     * Per hidden weight layer, in order: a convolution's share of outputs above 0,
     * a dense layer's share of units active, per image of the sample.
     */
    private double[] shares(Network net) {
        LayeredActivity activity = LayeredActivity.of(net, data, sample, kernel);
        java.util.TreeMap<Integer, Double> byLayer = new java.util.TreeMap<>();
        activity.filters().forEach(f -> byLayer.put(f.layer(), f.meanActiveShare()));
        activity.units().forEach(u -> byLayer.put(u.layer(), u.meanActivePerImage()));
        return byLayer.values().stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The frame to draw at {@code nanos}, with {@code message} (or null) in place of the key line. */
    public TrainScreen.Frame frame(long nanos, String message) {
        LiveSnapshot s = last;
        int[] marks = s.changes().stream().mapToInt(History.Change::update).distinct().toArray();
        Network net = s.network();
        List<double[]> units = new ArrayList<>();
        int side = 0;
        if (net.isLayered() && ConvFilters.convolutions(net.sequential()).contains(1)) { // the first filters, learning
            ConvFilters first = ConvFilters.of(net.sequential(), 1);
            units.addAll(List.of(first.means()));
            side = first.kernel();
        } else if (net.tensors().get(0).columns() == data.features()) { // W1 over the pixels: pictures of them
            for (double[] row : net.tensors().get(0).values()) {
                units.add(row);
            }
        }
        return new TrainScreen.Frame(figures(s, nanos), loss.values(), batch.values(), heldOut.values(), heldOutName(),
                marks,
                legend(s.changes()), layers(s), warnings(s), units, digits(), data.rows(), data.cols(),
                message != null ? message : s.ended() != null ? s.ended() + "; q returns to the prompt" : null,
                Math.max(1, firstUpdate), side > 0 ? side : data.rows(), side > 0 ? side : data.cols());
    }

    private List<String> figures(LiveSnapshot s, long nanos) {
        List<String> parts = new ArrayList<>();
        parts.add("update " + s.update());
        parts.add("epoch " + s.epoch());
        double lastLoss = loss.last();
        parts.add("loss " + (Double.isNaN(lastLoss) ? "-" : Numbers.compact(lastLoss)));
        parts.add("batch " + (Double.isNaN(batch.last()) ? "-" : String.format("%.2f%%", 100 * batch.last())));
        double t = heldOut.lastMeasured();
        parts.add(heldOutName() + " " + (Double.isNaN(t) ? "-" : String.format("%.2f%%", 100 * t)));
        if (validation) {
            double l = heldOutLoss.lastMeasured();
            parts.add("val loss " + (Double.isNaN(l) ? "-" : Numbers.compact(l)));
        }
        parts.add(String.format("%.0f updates/s", rate()));
        parts.add(String.format("%.1f s", (nanos - start) / 1e9));
        String lr = "lr " + s.settings().value("lr");
        if (!s.settings().value("schedule").equals("constant")) { // the scheduled value is the one in effect
            lr = "lr " + Numbers.brief(s.lrNow()) + " (" + s.settings().value("schedule") + " of "
                    + s.settings().value("lr") + ")";
        }
        parts.add(lr);
        parts.add(s.ended() != null ? "ENDED" : s.paused() ? "PAUSED" : "running");
        return parts;
    }

    /** What the held-out figures are of: "val" or "test". */
    private String heldOutName() {
        return validation ? "val" : "test";
    }

    /** The latest changes first: "from update 41: lr = 0.2". */
    static String legend(List<History.Change> changes) {
        List<String> parts = new ArrayList<>();
        for (int i = changes.size() - 1; i >= 0 && parts.size() < 4; i--) {
            History.Change c = changes.get(i);
            parts.add("from update " + (c.update() + 1) + ": " + c.key() + " = " + c.value());
        }
        return String.join("  ", parts);
    }

    private List<TrainScreen.Layer> layers(LiveSnapshot s) {
        List<TrainScreen.Layer> out = new ArrayList<>();
        int layers = s.network().layers();
        for (int l = 0; l < layers; l++) {
            int k = 2 * l; // W of layer l+1 among W1, b1, W2, ...
            double[] gradient = new double[s.sizes().size()];
            double[] ratio = new double[s.sizes().size()];
            for (int i = 0; i < gradient.length; i++) {
                UpdateSizes u = s.sizes().get(i);
                gradient[i] = u.gradient()[k];
                ratio[i] = u.weights()[k] == 0 ? Double.NaN : u.step()[k] / u.weights()[k];
            }
            double[] shares = l < active.size() ? active.get(l).stream().mapToDouble(Double::doubleValue).toArray()
                    : l < layers - 1 ? new double[] {Double.NaN} : new double[0];
            out.add(new TrainScreen.Layer("W" + (l + 1), gradient, ratio, shares));
        }
        return out;
    }

    private static List<String> warnings(LiveSnapshot s) {
        List<String> names = new ArrayList<>();
        for (int l = 0; l < s.network().layers(); l++) {
            names.add("dW" + (l + 1));
            names.add("db" + (l + 1));
        }
        List<UpdateSizes> sizes = s.sizes();
        return GradientHealth.warnings(names, sizes.subList(Math.max(0, sizes.size() - 5), sizes.size()));
    }

    private List<TrainScreen.Digit> digits() {
        List<TrainScreen.Digit> out = new ArrayList<>();
        for (int i = 0; i < watched.length; i++) {
            int predicted = Evaluation.argmax(probabilities[i]);
            out.add(new TrainScreen.Digit(watched[i], AsciiDigit.grey(data, watched[i]), data.label(watched[i]),
                    predicted, probabilities[i][predicted]));
        }
        return out;
    }

    /** A growing series of doubles, without boxing. */
    private static final class Series {
        private double[] values = new double[256];
        private int size;
        private double lastMeasured = Double.NaN;

        void add(double v) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, 2 * size);
            }
            values[size++] = v;
            lastMeasured = Double.isNaN(v) ? lastMeasured : v;
        }

        double[] values() {
            return java.util.Arrays.copyOf(values, size);
        }

        double last() {
            return size == 0 ? Double.NaN : values[size - 1];
        }

        double lastMeasured() {
            return lastMeasured;
        }
    }
}
