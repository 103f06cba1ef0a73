package mnistshell.train;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import mnistshell.data.Dataset;
import mnistshell.data.Split;
import mnistshell.nn.Engine;
import mnistshell.nn.Evaluation;
import mnistshell.nn.FastKernel;
import mnistshell.nn.Gradients;
import mnistshell.nn.Network;
import mnistshell.nn.ReferenceEngine;
import mnistshell.nn.Tensor;
import mnistshell.render.Numbers;

/**
 * Training a network: its settings, the optimizer's state, the order of the batches, the update
 * count and the history. One {@link #run} makes updates until a goal is reached or the user stops
 * it; between two updates everything here is consistent, and an update that produces a NaN or an
 * infinity is undone.
 */
public final class Training implements AutoCloseable {

    private final Network net;
    private Settings settings;
    private Optimizer optimizer;
    private final BatchOrder order;
    private final History history;
    private int updates;
    private Gradients last;
    private FastKernel fast;
    private final ReferenceEngine reference = new ReferenceEngine();
    private List<double[][]> backup;
    private long backupUpdates;
    /** The sizes of the last few updates, oldest first, for {@code grads}' warnings. */
    private final java.util.ArrayDeque<UpdateSizes> recentSizes = new java.util.ArrayDeque<>();
    static final int RECENT_SIZES = 5;

    /** Training of {@code net} from its first update, with {@code settings}; mini-batches shuffled from {@code seed}. */
    public Training(Network net, Settings settings, long seed) {
        this(net, settings, new Optimizer(settings.optimizer(), net.tensors()), new BatchOrder(seed), new History(), 0);
    }

    /**
     * Training resumed where a saved session left it: {@code optimizer} of {@code settings.optimizer()}
     * with its state arrays for {@code net}, the batch order at its epoch and position, the history,
     * and {@code updates} made. The next update is the one the saved session would have made.
     */
    public Training(Network net, Settings settings, Optimizer optimizer, BatchOrder order, History history,
                    int updates) {
        if (!optimizer.kind().equals(settings.optimizer())) {
            throw new IllegalArgumentException("optimizer " + optimizer.kind() + " but settings say " + settings.optimizer());
        }
        this.net = net;
        this.settings = settings;
        this.optimizer = optimizer;
        this.order = order;
        this.history = history;
        this.updates = updates;
    }

    /** What one run did. {@code failure} is null unless a NaN or infinity stopped it. */
    public record Outcome(int updates, boolean interrupted, String failure) {
    }

    /** Changes a setting from the next update on, recording when; a bad value changes nothing. */
    public void set(String key, List<String> words) {
        Settings next = settings.with(key, words);
        if (!next.optimizer().equals(settings.optimizer())) {
            optimizer = new Optimizer(next.optimizer(), net.tensors());
        }
        if (fast != null && next.threads() != settings.threads()) {
            fast.close();
            fast = null;
        }
        settings = next;
        history.add(new History.Change(updates, key, next.value(key)));
    }

    /** Makes {@code count} updates (fewer if stopped). */
    public Outcome runUpdates(int count, Dataset data, Split split, BooleanSupplier cancelled,
                              IntConsumer progress, Consumer<String> report) {
        int target = updates + count;
        return run(() -> updates >= target, data, split, cancelled, progress, report);
    }

    /** Makes updates until {@code count} more epochs have been completed (fewer if stopped). */
    public Outcome runEpochs(int count, Dataset data, Split split, BooleanSupplier cancelled,
                             IntConsumer progress, Consumer<String> report) {
        int target = order.epoch() + count;
        return run(() -> order.epoch() >= target, data, split, cancelled, progress, report);
    }

    /** How many updates {@code epochs} more epochs take from here, for progress bars. */
    public long updatesForEpochs(int epochs, int trainSize) {
        if (settings.fullBatch()) {
            return epochs;
        }
        long perEpoch = ((long) trainSize + settings.batch() - 1) / settings.batch();
        long left = ((long) trainSize - order.position() + settings.batch() - 1) / settings.batch();
        return left + (epochs - 1) * perEpoch;
    }

    private Outcome run(BooleanSupplier done, Dataset data, Split split, BooleanSupplier cancelled,
                        IntConsumer progress, Consumer<String> report) {
        int made = 0;
        while (!done.getAsBoolean()) {
            if (cancelled.getAsBoolean()) {
                return new Outcome(made, true, null);
            }
            String failure = update(data, split);
            if (failure != null) {
                return new Outcome(made, false, failure);
            }
            made++;
            progress.accept(made);
            if (settings.reportEvery() > 0 && updates % settings.reportEvery() == 0) {
                report.accept(describe(history.points().get(history.points().size() - 1)));
            }
        }
        return new Outcome(made, false, null);
    }

    /** One update; returns null, or what went non-finite (the update then undone). */
    private String update(Dataset data, Split split) {
        int epochBefore = order.epoch();
        BatchOrder.Mark mark = order.mark();
        int[] batch = order.next(split.train(), settings.batch());
        Gradients g = engine().gradients(net, data, batch, settings.biasGrad());
        int number = updates + 1;
        List<Tensor> params = net.tensors();
        int count = params.size();
        double[] gradient = new double[count];
        for (int k = 0; k < count; k++) {
            gradient[k] = UpdateSizes.sumOfSquares(k % 2 == 0 ? g.dW()[k / 2] : g.db()[k / 2]);
        }
        String badGradient = !Double.isFinite(g.loss()) ? "the loss" : nonFinite(gradient) ? g.firstNonFinite() : null;
        if (badGradient != null) {
            order.reset(mark);
            return failure(number, badGradient, false);
        }
        saveBackup();
        optimizer.update(params, g, settings.schedule().rate(settings.lr(), updates), settings);
        double[] weights = new double[count];
        double[] step = new double[count];
        for (int k = 0; k < count; k++) {
            Tensor t = params.get(k);
            UpdateSizes.measure(t.values(), backup.get(k), weights, step, k);
            if (!Double.isFinite(weights[k]) && !t.allFinite()) { // an overflowing sum alone is no failure
                restoreBackup();
                order.reset(mark);
                return failure(number, t.name(), true);
            }
        }
        updates = number;
        last = g;
        record(new UpdateSizes(number, sqrt(gradient), sqrt(step), sqrt(weights)));
        boolean measureTest = settings.fullBatch() || order.epoch() > epochBefore;
        double test = measureTest && split.test().length > 0
                ? engine().accuracy(net, data, split.test()) : Double.NaN;
        history.add(new History.Point(updates, order.epoch(), g.loss(), (double) g.correct() / batch.length, test));
        return null;
    }

    private String failure(int number, String what, boolean rolledBack) {
        return "update " + number + ": " + what + " became NaN or infinite; "
                + (rolledBack ? "weights and optimizer state rolled back to" : "nothing was changed, the weights are those of")
                + " update " + updates + " (is lr " + settings.value("lr") + " too large?)";
    }

    /** Copies every parameter and optimizer state array, so a failed update can be undone. */
    private void saveBackup() {
        List<double[][]> live = liveArrays();
        if (backup == null || backup.size() != live.size()) { // first update, or another optimizer since
            backup = new ArrayList<>();
            for (double[][] a : live) {
                backup.add(new double[a.length][a[0].length]);
            }
        }
        for (int k = 0; k < live.size(); k++) {
            Tensor.copy(live.get(k), backup.get(k));
        }
        backupUpdates = optimizer.updates();
    }

    private void restoreBackup() {
        List<double[][]> live = liveArrays();
        for (int k = 0; k < live.size(); k++) {
            Tensor.copy(backup.get(k), live.get(k));
        }
        optimizer.setUpdates(backupUpdates);
    }

    /** Every parameter, then every optimizer state array. */
    private List<double[][]> liveArrays() {
        List<double[][]> all = new ArrayList<>();
        for (Tensor t : net.tensors()) {
            all.add(t.values());
        }
        all.addAll(optimizer.state());
        return all;
    }

    /** Norms of the gradient, of the change (live weights against the backup taken before the update) and of the weights. */
    private void record(UpdateSizes sizes) {
        if (recentSizes.size() == RECENT_SIZES) {
            recentSizes.removeFirst();
        }
        recentSizes.addLast(sizes);
    }

    /** Whether any sum of squares is NaN or infinite, as one is when any of its values is. */
    private static boolean nonFinite(double[] sums) {
        for (double s : sums) {
            if (!Double.isFinite(s)) {
                return true;
            }
        }
        return false;
    }

    private static double[] sqrt(double[] squares) {
        double[] out = new double[squares.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = Math.sqrt(squares[k]);
        }
        return out;
    }

    /** One progress line, as {@code set report-every} prints them. */
    String describe(History.Point p) {
        return String.format("update %d (epoch %d): batch loss %s, batch accuracy %.2f%%%s", p.update(), p.epoch(),
                Numbers.compact(p.loss()), 100 * p.trainAccuracy(),
                Double.isNaN(p.testAccuracy()) ? "" : String.format(", test %.2f%%", 100 * p.testAccuracy()));
    }

    /** The engine {@code set engine} chose. */
    public Engine engine() {
        if (settings.engine().equals("reference")) {
            return reference;
        }
        boolean nativeSums = settings.engine().equals("fast");
        if (fast != null && fast.nativeSums() != (nativeSums && FastKernel.nativeSumsAvailable())) {
            fast.close();
            fast = null;
        }
        if (fast == null) {
            fast = new FastKernel(settings.threads(), nativeSums);
        }
        return fast;
    }

    public Evaluation evaluate(Dataset data, int[] indices) {
        return engine().evaluate(net, data, indices);
    }

    public Settings settings() {
        return settings;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    public History history() {
        return history;
    }

    public int updates() {
        return updates;
    }

    public int epoch() {
        return order.epoch();
    }

    public BatchOrder order() {
        return order;
    }

    /** The gradients of the last update, or null before the first. */
    public Gradients lastGradients() {
        return last;
    }

    /** The sizes of the last few updates (up to {@value #RECENT_SIZES}), oldest first; empty before the first. */
    public List<UpdateSizes> recentSizes() {
        return List.copyOf(recentSizes);
    }

    @Override
    public void close() {
        if (fast != null) {
            fast.close();
        }
    }
}
