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
import mnistshell.nn.HiddenStats;
import mnistshell.nn.Network;
import mnistshell.nn.Tensor;
import mnistshell.nn.layer.Pass;
import mnistshell.memory.Heap;

/**
 * Training a network: its settings, the optimizer's state, the order of the batches, the update
 * count and the history. One {@link #run} makes updates until a goal is reached or the user stops
 * it; between two updates everything here is consistent, and training that diverges (a NaN, an
 * infinity, or a loss beyond {@code set diverge}'s limit) stops with its bad updates undone.
 */
public final class Training implements AutoCloseable {

    private final Network net;
    private Settings settings;
    private Optimizer optimizer;
    private final BatchOrder order;
    private final History history;
    private int updates;
    private Gradients last;
    private final Engines engines = new Engines();
    /** The state before the last update and before the one before it, to undo them. */
    private Undo beforeLast = new Undo();
    private Undo beforeThat = new Undo();
    /** The update count when the current run began: no update before it is undone. */
    private int runStart;
    /** The sizes of the last few updates, oldest first, for {@code grads}' warnings. */
    private final java.util.ArrayDeque<UpdateSizes> recentSizes = new java.util.ArrayDeque<>();
    static final int RECENT_SIZES = 5;
    /** The best weights by the held-out metric, and early stopping's count. */
    private final BestWeights best = new BestWeights();
    /** Why the last run stopped early (set early-stop), or null. */
    private String earlyStopped;
    /** Whether each update's layer statistics go into the history; only {@code bench} turns it off, to time it. */
    private boolean recordLayers = true;

    /** Training of {@code net} from its first update, with {@code settings}; mini-batches shuffled from {@code seed}. */
    public Training(Network net, Settings settings, long seed) {
        this(net, settings, new Optimizer(Optimizers.named(settings.optimizer()), net.tensors()), new BatchOrder(seed), new History(), 0);
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

    /**
     * What one run did: the updates it made that stand, whether the user stopped it, what stopped
     * it when training diverged or ran out of memory (null otherwise), and the network on the
     * training set after it (null when there was no memory left to measure it).
     */
    public record Outcome(int updates, boolean interrupted, String failure, Evaluation train) {
    }

    /**
     * About how many bytes training a network of layer sizes {@code sizes} with {@code settings} on
     * {@code trainSize} images takes: its weights, the optimizer's state, the two copies kept to undo
     * updates, the best weights, and the fast kernel's buffers (evaluation runs it on the whole training set).
     */
    public static long bytesNeeded(int[] sizes, Settings settings, int trainSize) {
        long parameters = 0;
        for (int l = 0; l + 1 < sizes.length; l++) {
            parameters += (long) sizes[l] * sizes[l + 1] + sizes[l + 1];
        }
        int state = Optimizers.named(settings.optimizer()).stateArrays();
        // weights and state, two copies to undo updates, and up to three of the best weights
        return 8 * parameters * (1 + state + (2 + BestWeights.KEPT) * (1 + state)) + FastKernel.bytesFor(sizes, trainSize);
    }

    /**
     * As above for a layered network of {@code parameters} numbers: its weights, the optimizer's
     * state, the copies to undo and the best weights (its kernel's buffers, a few chunks of
     * activations and patches, are not counted).
     */
    public static long bytesNeeded(long parameters, Settings settings) {
        int state = Optimizers.named(settings.optimizer()).stateArrays();
        return 8 * parameters * (1 + state + (2 + BestWeights.KEPT) * (1 + state));
    }

    /** What training {@code net} takes: see the two above. */
    public static long bytesNeeded(Network net, Settings settings, int trainSize) {
        return net.isLayered() ? bytesNeeded(net.sequential().parameterCount(), settings)
                : bytesNeeded(net.sizes(), settings, trainSize);
    }

    /** Changes a setting from the next update on, recording when; a bad value changes nothing. */
    public void set(String key, List<String> words) {
        Settings next = settings.with(key, words);
        if (!next.optimizer().equals(settings.optimizer())) {
            optimizer = new Optimizer(Optimizers.named(next.optimizer()), net.tensors());
            beforeLast.forget(); // their optimizer state is of the old kind: no update before this one can be undone
            beforeThat.forget();
        }
        if (!next.bestMetric().equals(settings.bestMetric())) {
            best.clear(); // bests by another metric are not comparable
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

    /**
     * Updates until {@code done}, then the weights of the last one judged on the whole training
     * set: they are the only ones no update's loss has measured yet. Only updates of this run are
     * ever undone; what came before it was judged when its own run ended.
     */
    private Outcome run(BooleanSupplier done, Dataset data, Split split, BooleanSupplier cancelled,
                        IntConsumer progress, Consumer<String> report) {
        int first = updates;
        runStart = updates;
        earlyStopped = null;
        String failure = null;
        boolean interrupted = false;
        while (failure == null && earlyStopped == null && !done.getAsBoolean()) {
            if (cancelled.getAsBoolean()) {
                interrupted = true;
                break;
            }
            try {
                failure = update(data, split);
            } catch (OutOfMemoryError e) { // the update undid itself; what it needed is garbage now
                failure = "update " + (updates + 1) + ": out of memory (" + heap() + " heap); stopped, the weights are "
                        + (updates == 0 ? "the initial ones" : "update " + updates + "'s");
            }
            if (failure == null) {
                progress.accept(updates - first);
                if (settings.reportEvery() > 0 && updates % settings.reportEvery() == 0) {
                    report.accept(history.progressLine(history.points().get(history.points().size() - 1)));
                }
            }
        }
        Evaluation train;
        try {
            train = evaluate(data, split.train());
            if (failure == null && updates > first && !Divergence.withinLimit(train.loss(), settings, history)) {
                failure = Divergence.diverged(updates, "training " + Divergence.lossProblem(train.loss(), history) + " after it", updates - 1);
                undo(beforeLast);
                train = evaluate(data, split.train());
            }
        } catch (OutOfMemoryError e) {
            train = null;
            failure = failure != null ? failure : "out of memory (" + heap() + " heap) measuring the training set; "
                    + "the weights are " + (updates == 0 ? "the initial ones" : "update " + updates + "'s");
        }
        return new Outcome(updates - first, interrupted, failure, train);
    }

    private static String heap() {
        return Heap.size(Runtime.getRuntime().maxMemory());
    }

    /**
     * One update; returns null, or why training must stop (the state then as it was before the
     * update, or before the one before it when this update's loss or gradients show that the
     * weights it started from were already bad).
     */
    private String update(Dataset data, Split split) {
        BatchOrder.Mark mark = order.mark();
        try {
            return update(data, split, mark);
        } catch (OutOfMemoryError e) {
            if (beforeLast.updates == updates && beforeLast.mark == mark) { // the weights may have moved
                undo(beforeLast);
            }
            order.reset(mark);
            throw e;
        }
    }

    private String update(Dataset data, Split split, BatchOrder.Mark mark) {
        int epochBefore = order.epoch();
        int[] batch = order.next(split.train(), settings.batch());
        int number = updates + 1;
        // dropout's masks (a layered network's) follow the run's seed and the update's number
        Gradients g = engine().gradients(net, data, batch, new Pass(true, order.seed(), number, null, settings.biasGrad()));
        List<Tensor> params = net.tensors();
        int count = params.size();
        double[] gradient = new double[count];
        HiddenStats[] hidden = new HiddenStats[1];
        Undo spare = beforeThat; // never read before it is saved again: it can take this update's start now
        spare.begin(this, mark);
        java.util.concurrent.atomic.AtomicInteger piece = new java.util.concurrent.atomic.AtomicInteger();
        engine().inShares(2, (from, to) -> { // passes over memory that stand alone, on two threads where there are:
            for (int task = from; task < to; task++) { // one copies the undo's pieces, the other sums, then helps
                if (task == 1) {
                    hidden[0] = recordLayers ? engine().lastHiddenStats(net) : null; // before another call reuses it
                    for (int k = 0; k < count; k++) {
                        gradient[k] = UpdateSizes.sumOfSquares(g.tensor(k));
                    }
                }
                for (int p = piece.getAndIncrement(); p < spare.pieces(); p = piece.getAndIncrement()) {
                    spare.copy(p);
                }
            }
        });
        String bad = !Divergence.withinLimit(g.loss(), settings, history) ? Divergence.lossProblem(g.loss(), history)
                : UpdateSizes.nonFinite(gradient) ? g.firstNonFinite() + " NaN or infinite" : null;
        if (bad != null) { // the weights this update started from are to blame: those of the update before
            order.reset(mark);
            if (beforeLast.holdsUpdateOf(runStart)) {
                undo(beforeLast);
                return Divergence.diverged(number - 1, bad + " at update " + number, updates);
            }
            return "update " + number + ": " + bad + ", beyond the limit; stopped, nothing changed";
        }
        beforeThat = beforeLast;
        beforeLast = spare; // saved above
        beforeLast.sinceBest = best.sinceBest();
        double[] weights = new double[count];
        double[] step = new double[count];
        String broken = applyStep(params, g, weights, step);
        if (broken != null) {
            undo(beforeLast);
            return Divergence.diverged(number, broken + " became NaN or infinite", updates);
        }
        updates = number;
        last = g;
        UpdateSizes sizes = new UpdateSizes(number, UpdateSizes.sqrt(gradient), UpdateSizes.sqrt(step),
                UpdateSizes.sqrt(weights));
        record(sizes);
        if (recordLayers) {
            history.add(sizes.layers(hidden[0], net.statsLayers()));
        }
        recordAndJudge(data, split, g, batch.length, settings.fullBatch() || order.epoch() > epochBefore);
        return null;
    }

    /**
     * The optimizer's step from gradients {@code g}, then each tensor's sums of squares of its
     * values and of their change, against the copy taken before; returns the name of a tensor that
     * became NaN or infinite, or null.
     */
    private String applyStep(List<Tensor> params, Gradients g, double[] weights, double[] step) {
        double[][] rowWeights = new double[params.size()][];
        double[][] rowSteps = new double[params.size()][];
        for (int k = 0; k < params.size(); k++) {
            rowWeights[k] = new double[params.get(k).values().length];
            rowSteps[k] = new double[rowWeights[k].length];
        }
        // each run of rows measured as soon as it is updated, while it is in the cache (UpdateSizes.measure's sums)
        optimizer.update(params, g, settings.schedule().rate(settings.lr(), updates), settings, engine(),
                (k, from, to) -> UpdateSizes.measureRows(params.get(k).values(), beforeLast.arrays.get(k),
                        rowWeights[k], rowSteps[k], from, to));
        for (int k = 0; k < params.size(); k++) {
            Tensor t = params.get(k);
            weights[k] = UpdateSizes.total(rowWeights[k]);
            step[k] = UpdateSizes.total(rowSteps[k]);
            if (!Double.isFinite(weights[k]) && !t.allFinite()) { // an overflowing sum alone is no failure
                return t.name();
            }
        }
        return null;
    }

    /**
     * The update's point in the history; then, at a held-out check ({@code measureTest}: every
     * full-batch update, or an epoch's end), the held-out figures and the best weights' judgement.
     */
    private void recordAndJudge(Dataset data, Split split, Gradients g, int batchSize, boolean measureTest) {
        double test = measureTest && split.test().length > 0 && !split.hasValidation()
                ? engine().accuracy(net, data, split.test()) : Double.NaN;
        history.add(new History.Point(updates, order.epoch(), g.loss(), (double) g.correct() / batchSize, test));
        if (measureTest && split.hasValidation()) { // tuning looks at these, so the test images stay unseen
            Evaluation val = evaluate(data, split.val());
            history.add(new History.Validation(updates, val.loss(), val.accuracy()));
        }
        if (measureTest) {
            earlyStopped = best.check(this, data, split, test);
        }
    }

    /** Back to the state {@code before} holds: weights, optimizer state, counters, history. */
    private void undo(Undo before) {
        List<double[][]> live = liveArrays();
        for (int k = 0; k < live.size(); k++) {
            Tensor.copy(before.arrays.get(k), live.get(k));
        }
        optimizer.setUpdates(before.optimizerUpdates);
        order.reset(before.mark);
        updates = before.updates;
        last = before.last;
        history.truncate(updates);
        recentSizes.removeIf(s -> s.update() > updates);
        best.undoTo(updates, before.sinceBest); // the undone updates were never best, nor counted
        earlyStopped = null;
        beforeLast.forget(); // the run ends here; the next undoes none of this run's updates
        beforeThat.forget();
    }

    /** Every parameter, then every optimizer state array. */
    List<double[][]> liveArrays() {
        List<double[][]> all = new ArrayList<>();
        for (Tensor t : net.tensors()) {
            all.add(t.values());
        }
        all.addAll(optimizer.state());
        return all;
    }

    /** Norms of the gradient, of the change (live weights against the copy taken before the update) and of the weights. */
    private void record(UpdateSizes sizes) {
        if (recentSizes.size() == RECENT_SIZES) {
            recentSizes.removeFirst();
        }
        recentSizes.addLast(sizes);
    }

    /** Turns the recording of layer statistics off or on, so that {@code bench} can measure what it costs. */
    public void recordLayers(boolean on) {
        recordLayers = on;
    }

    /** The engine {@code set engine} chose. */
    public Engine engine() {
        return engines.of(settings);
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

    /** Why the last run stopped early ({@code set early-stop}), or null when it did not. */
    public String earlyStopped() {
        return earlyStopped;
    }

    /** The best weights by the held-out metric, and early stopping's count. */
    public BestWeights best() {
        return best;
    }

    /**
     * Back to the best weights, with the optimizer state, step count, batch order, update count
     * and history of their update: training on from here makes the updates it made then. Returns
     * the update; refused in one line when there is none or the optimizer has changed since.
     */
    public int restoreBest() {
        BestWeights.Snapshot b = best.restoreInto(liveArrays(), optimizer.kind());
        optimizer.setUpdates(b.optimizerUpdates());
        order.reset(b.mark());
        updates = b.update();
        last = b.last();
        history.truncate(updates);
        recentSizes.removeIf(s -> s.update() > updates);
        earlyStopped = null;
        beforeLast.forget(); // nothing before the restore can be undone
        beforeThat.forget();
        return updates;
    }

    /** The gradients of the last update, or null before the first. */
    public Gradients lastGradients() {
        return last;
    }

    /** The sizes of the last few updates (up to {@value #RECENT_SIZES}), oldest first; empty before the first. */
    public List<UpdateSizes> recentSizes() {
        return List.copyOf(recentSizes);
    }

    /**
     * An independent copy for {@code copiedNet} (a copy of this network): the same settings,
     * optimizer state, batch order, counters, history and best weights; training one leaves the
     * other as it was.
     */
    public Training copy(Network copiedNet) {
        Optimizer o = new Optimizer(optimizer.rule(), copiedNet.tensors());
        List<double[][]> state = new ArrayList<>();
        for (double[][] a : optimizer.state()) {
            double[][] c = new double[a.length][a[0].length];
            Tensor.copy(a, c);
            state.add(c);
        }
        o.restore(state, optimizer.updates());
        Training t = new Training(copiedNet, settings, o, new BatchOrder(order.seed(), order.epoch(), order.position()),
                history.copy(), updates);
        t.last = last;
        t.recentSizes.addAll(recentSizes);
        BestWeights.Saved b = best.saved();
        if (b != null) {
            t.best.keepSaved(b); // keep copies the arrays
        }
        return t;
    }

    @Override
    public void close() {
        engines.close(); // engine() makes another kernel if this training is used again
    }
}
