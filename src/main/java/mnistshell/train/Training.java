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
import mnistshell.nn.ReferenceEngine;
import mnistshell.nn.Tensor;
import mnistshell.memory.Heap;
import mnistshell.render.Numbers;

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
    private FastKernel fast;
    private final ReferenceEngine reference = new ReferenceEngine();
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
                    report.accept(describe(history.points().get(history.points().size() - 1)));
                }
            }
        }
        Evaluation train;
        try {
            train = evaluate(data, split.train());
            if (failure == null && updates > first && !withinLimit(train.loss())) {
                failure = diverged(updates, "training " + lossProblem(train.loss()) + " after it", updates - 1);
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
        Gradients g = engine().gradients(net, data, batch, settings.biasGrad());
        HiddenStats hidden = recordLayers ? engine().lastHiddenStats(net) : null; // before another call reuses it
        int number = updates + 1;
        List<Tensor> params = net.tensors();
        int count = params.size();
        double[] gradient = new double[count];
        for (int k = 0; k < count; k++) {
            gradient[k] = UpdateSizes.sumOfSquares(k % 2 == 0 ? g.dW()[k / 2] : g.db()[k / 2]);
        }
        String bad = !withinLimit(g.loss()) ? lossProblem(g.loss())
                : nonFinite(gradient) ? g.firstNonFinite() + " NaN or infinite" : null;
        if (bad != null) { // the weights this update started from are to blame: those of the update before
            order.reset(mark);
            if (beforeLast.holdsUpdateOf(runStart)) {
                undo(beforeLast);
                return diverged(number - 1, bad + " at update " + number, updates);
            }
            return "update " + number + ": " + bad + ", beyond the limit; stopped, nothing changed";
        }
        Undo spare = beforeThat;
        beforeThat = beforeLast;
        beforeLast = spare;
        beforeLast.save(this, mark);
        beforeLast.sinceBest = best.sinceBest;
        optimizer.update(params, g, settings.schedule().rate(settings.lr(), updates), settings);
        double[] weights = new double[count];
        double[] step = new double[count];
        for (int k = 0; k < count; k++) {
            Tensor t = params.get(k);
            UpdateSizes.measure(t.values(), beforeLast.arrays.get(k), weights, step, k);
            if (!Double.isFinite(weights[k]) && !t.allFinite()) { // an overflowing sum alone is no failure
                undo(beforeLast);
                return diverged(number, t.name() + " became NaN or infinite", updates);
            }
        }
        updates = number;
        last = g;
        UpdateSizes sizes = new UpdateSizes(number, sqrt(gradient), sqrt(step), sqrt(weights));
        record(sizes);
        if (recordLayers) {
            history.add(layers(sizes, hidden));
        }
        boolean measureTest = settings.fullBatch() || order.epoch() > epochBefore;
        double test = measureTest && split.test().length > 0 && !split.hasValidation()
                ? engine().accuracy(net, data, split.test()) : Double.NaN;
        history.add(new History.Point(updates, order.epoch(), g.loss(), (double) g.correct() / batch.length, test));
        if (measureTest && split.hasValidation()) { // tuning looks at these, so the test images stay unseen
            Evaluation val = evaluate(data, split.val());
            history.add(new History.Validation(updates, val.loss(), val.accuracy()));
        }
        if (measureTest) {
            judge(data, split, test);
        }
        return null;
    }

    /**
     * A held-out check: keeps the weights when the metric is the best so far, and stops the run
     * when early stopping's patience has run out. Without validation images the test images are judged.
     */
    private void judge(Dataset data, Split split, double testAccuracy) {
        boolean loss = settings.bestMetric().equals("val-loss");
        double metric;
        if (split.hasValidation()) {
            History.Validation v = history.validations().get(history.validations().size() - 1);
            metric = loss ? v.loss() : v.accuracy();
        } else if (split.test().length > 0) {
            metric = loss ? evaluate(data, split.test()).loss() : testAccuracy;
        } else {
            return; // nothing held out: nothing to judge by
        }
        if (best.improves(metric, loss)) {
            best.keep(updates, metric, liveArrays(), optimizer.kind(), optimizer.updates(), order.mark(), last);
            return;
        }
        best.sinceBest++;
        int patience = settings.earlyStopPatience();
        if (patience > 0 && best.sinceBest >= patience) {
            earlyStopped = "early stop after update " + updates + ": " + settings.bestMetric() + " not better for "
                    + patience + (patience == 1 ? " check" : " checks") + " since update " + best.best().update();
        }
    }

    /** Whether a loss is finite and within {@code set diverge}'s limit. */
    private boolean withinLimit(double loss) {
        return Double.isFinite(loss) && loss <= settings.diverge() * firstLoss();
    }

    /**
     * The loss the limit is a multiple of: the first update's (that of this network's first
     * weights), or ln 10, a uniform guess's, when that is larger, so that weights loaded already
     * trained are not held to a tiny first loss.
     */
    private double firstLoss() {
        double first = history.points().isEmpty() ? 0 : history.points().get(0).loss();
        return Math.max(first, Math.log(Dataset.CLASSES));
    }

    /** "loss 2.43 -> 6.7e9" (from the first update's), or "loss NaN". */
    private String lossProblem(double loss) {
        if (!Double.isFinite(loss)) {
            return "loss " + loss;
        }
        String first = history.points().isEmpty() ? "" : Numbers.brief(history.points().get(0).loss()) + " -> ";
        return "loss " + first + Numbers.brief(loss);
    }

    /** One line within 80 columns after "-c: error: ": which update went wrong, how, and where training is now. */
    private static String diverged(int update, String what, int back) {
        return "update " + update + " diverged: " + what + "; back to "
                + (back == 0 ? "the initial weights" : "update " + back);
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

    /**
     * The state before one update, enough to undo it: every parameter and optimizer array, the
     * optimizer's step count, the batch order's place, the update count and the last gradients.
     * Two are kept, so that an update whose loss shows the update before it went wrong can undo both.
     */
    private static final class Undo {
        final List<double[][]> arrays = new ArrayList<>();
        long optimizerUpdates;
        BatchOrder.Mark mark;
        int updates = -1;
        Gradients last;
        /** Early stopping's count of checks since the best, before the update. */
        int sinceBest;

        void save(Training t, BatchOrder.Mark orderMark) {
            List<double[][]> live = t.liveArrays();
            if (arrays.size() != live.size()) { // first update, or another optimizer since
                arrays.clear();
                for (double[][] a : live) {
                    arrays.add(new double[a.length][a[0].length]);
                }
            }
            for (int k = 0; k < live.size(); k++) {
                Tensor.copy(live.get(k), arrays.get(k));
            }
            optimizerUpdates = t.optimizer.updates();
            mark = orderMark;
            updates = t.updates;
            last = t.last;
        }

        /** Whether this holds the state before an update made since {@code runStart} updates. */
        boolean holdsUpdateOf(int runStart) {
            return updates >= runStart;
        }

        void forget() {
            updates = -1;
        }
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

    /** Norms of the gradient, of the change (live weights against the copy taken before the update) and of the weights. */
    private void record(UpdateSizes sizes) {
        if (recentSizes.size() == RECENT_SIZES) {
            recentSizes.removeFirst();
        }
        recentSizes.addLast(sizes);
    }

    /** The update's layer statistics for the history; NaN where an engine kept no activations. */
    private History.Layers layers(UpdateSizes sizes, HiddenStats hidden) {
        double[] ratio = new double[sizes.step().length];
        for (int k = 0; k < ratio.length; k++) {
            ratio[k] = sizes.weights()[k] == 0 ? Double.NaN : sizes.step()[k] / sizes.weights()[k];
        }
        if (hidden == null) {
            double[] none = new double[net.layers() - 1];
            java.util.Arrays.fill(none, Double.NaN);
            hidden = new HiddenStats(none, none, none);
        }
        return new History.Layers(sizes.update(), sizes.gradient(), ratio, hidden.mean(), hidden.std(),
                hidden.inactive());
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
                Double.isNaN(p.testAccuracy()) ? validation(p.update()) : String.format(", test %.2f%%", 100 * p.testAccuracy()));
    }

    /** ", val 91.20%" when the validation images were measured after update {@code update}. */
    private String validation(int update) {
        List<History.Validation> v = history.validations();
        return v.isEmpty() || v.get(v.size() - 1).update() != update ? ""
                : String.format(", val %.2f%%", 100 * v.get(v.size() - 1).accuracy());
    }

    /** Turns the recording of layer statistics off or on, so that {@code bench} can measure what it costs. */
    public void recordLayers(boolean on) {
        recordLayers = on;
    }

    /** The engine {@code set engine} chose. */
    public Engine engine() {
        if (settings.engine().equals("reference")) {
            return reference;
        }
        boolean nativeSums = settings.engine().equals("fast");
        if (fast != null && fast.nativeAsked() != nativeSums) {
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

    /** Why the last run stopped early ({@code set early-stop}), or null when it did not. */
    public String earlyStopped() {
        return earlyStopped;
    }

    /** The update of the best weights so far, or 0 when there has been no held-out check. */
    public int bestUpdate() {
        return best.best() == null ? 0 : best.best().update();
    }

    /** The best held-out metric so far ({@link Settings#bestMetric()}), or NaN when there is none. */
    public double bestMetric() {
        return best.best() == null ? Double.NaN : best.best().metric();
    }

    /** Held-out checks since the best one. */
    public int checksSinceBest() {
        return best.sinceBest;
    }

    /**
     * Back to the best weights, with the optimizer state, step count, batch order, update count
     * and history of their update: training on from here makes the updates it made then. Returns
     * the update; refused in one line when there is none or the optimizer has changed since.
     */
    public int restoreBest() {
        BestWeights.Snapshot b = best.best();
        if (b == null) {
            throw new mnistshell.errors.ShellError("best restore: no best weights yet: they are kept at each"
                    + " held-out check (every full-batch update, or each epoch's end)");
        }
        if (!b.optimizer().equals(optimizer.kind())) {
            throw new mnistshell.errors.ShellError("best restore: the best weights were made with optimizer "
                    + b.optimizer() + ", now " + optimizer.kind() + ": set optimizer " + b.optimizer() + " first");
        }
        List<double[][]> live = liveArrays();
        for (int k = 0; k < live.size(); k++) {
            Tensor.copy(b.arrays().get(k), live.get(k));
        }
        optimizer.setUpdates(b.optimizerUpdates());
        order.reset(b.mark());
        updates = b.update();
        last = b.last();
        history.truncate(updates);
        recentSizes.removeIf(s -> s.update() > updates);
        best.sinceBest = 0;
        earlyStopped = null;
        beforeLast.forget(); // nothing before the restore can be undone
        beforeThat.forget();
        return updates;
    }

    /**
     * The best weights as saved: parameters then optimizer state (copies kept by training: not to
     * be changed), with their optimizer and batch order; null when there are none.
     */
    public SavedBest savedBest() {
        BestWeights.Snapshot b = best.best();
        return b == null ? null : new SavedBest(b.update(), b.metric(), b.arrays(), b.optimizer(), b.optimizerUpdates(),
                b.mark(), best.sinceBest);
    }

    /** The best weights of a saved session, and early stopping's count, for {@link #keepSavedBest}. */
    public record SavedBest(int update, double metric, List<double[][]> arrays, String optimizer,
                            long optimizerUpdates, BatchOrder.Mark mark, int sinceBest) {
    }

    /** Takes the best weights a saved session kept (checked by the loader). */
    public void keepSavedBest(SavedBest saved) {
        best.keep(saved.update(), saved.metric(), saved.arrays(), saved.optimizer(), saved.optimizerUpdates(),
                saved.mark(), null);
        best.sinceBest = saved.sinceBest();
    }

    /** Forgets the best weights: the held-out images they were judged on are no longer held out. */
    public void forgetBest() {
        best.clear();
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
        SavedBest b = savedBest();
        if (b != null) {
            t.keepSavedBest(b); // keep copies the arrays
        }
        return t;
    }

    @Override
    public void close() {
        if (fast != null) {
            fast.close();
            fast = null; // engine() makes another if this training is used again
        }
    }
}
