package mnistshell.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import mnistshell.nn.Gradients;
import mnistshell.nn.Tensor;

/**
 * An update rule ({@link UpdateRule}) with its state: its state arrays for every parameter tensor,
 * and the updates it has made (Adam's t). With weight decay l2 the gradient of a weight w is taken
 * as {@code g + l2 * w}; biases get none.
 */
public final class Optimizer {

    private final UpdateRule rule;
    /** The rule's first state array for every tensor, then its second for every tensor, ...: the order they are saved in. */
    private final List<double[][]> state = new ArrayList<>();
    /** The same arrays by tensor: {@code byTensor[k]} is tensor k's, in the order of the rule's prefixes. */
    private final double[][][][] byTensor;
    private long t;

    /** A fresh optimizer following {@code rule} for {@code params}, its state all zero. */
    public Optimizer(UpdateRule rule, List<Tensor> params) {
        this.rule = rule;
        int copies = rule.stateArrays();
        byTensor = new double[params.size()][copies][][];
        for (int c = 0; c < copies; c++) {
            for (int k = 0; k < params.size(); k++) {
                double[][] a = params.get(k).zerosLike();
                state.add(a);
                byTensor[k][c] = a;
            }
        }
    }

    public UpdateRule rule() {
        return rule;
    }

    /** The rule's name, as settings and saved sessions hold it. */
    public String kind() {
        return rule.name();
    }

    /** The state arrays, live (for saving, and for rolling back a failed update): their values change, never the arrays. */
    public List<double[][]> state() {
        return java.util.Collections.unmodifiableList(state);
    }

    /** Updates made so far (Adam's t). */
    public long updates() {
        return t;
    }

    public void setUpdates(long updates) {
        this.t = updates;
    }

    /** Takes the state of a saved session: {@code values} shaped as {@link #state()}, and t. */
    public void restore(List<double[][]> values, long updates) {
        if (values.size() != state.size()) {
            throw new IllegalArgumentException(kind() + " keeps " + state.size() + " state arrays, not " + values.size());
        }
        for (int k = 0; k < values.size(); k++) {
            Tensor.copy(values.get(k), state.get(k));
        }
        this.t = updates;
    }

    /** One update of every tensor in {@code params} (W1, b1, W2, b2, ...) with gradients {@code g}. */
    public void update(List<Tensor> params, Gradients g, double lr, Settings s) {
        update(params, g, lr, s, (count, task) -> task.run(0, count), (k, from, to) -> { });
    }

    /**
     * As above, large tensors cut by rows over {@code engine}'s threads: a rule updates each
     * entry from its own values alone, so the cut changes no bit.
     */
    public void update(List<Tensor> params, Gradients g, double lr, Settings s, mnistshell.nn.Engine engine) {
        update(params, g, lr, s, engine::inShares, (k, from, to) -> { });
    }

    /**
     * As above, telling {@code done} of every run of rows as soon as they are updated (on whichever
     * thread updated them), a few kilobytes at a time, so that it can read them while they are
     * still in the cache.
     */
    public void update(List<Tensor> params, Gradients g, double lr, Settings s, mnistshell.nn.Engine engine,
                       RowsDone done) {
        update(params, g, lr, s, engine::inShares, done);
    }

    /** Rows [from, to) of tensor k are updated. */
    @FunctionalInterface
    public interface RowsDone {
        void rows(int k, int from, int to);
    }

    /** About how many entries {@link RowsDone} hears of at a time. */
    static final int PIECE = 4096;

    private void update(List<Tensor> params, Gradients g, double lr, Settings s, Sharing sharing, RowsDone done) {
        t++;
        UpdateRule.Step step = new UpdateRule.Step(lr, t, s);
        for (int k = 0; k < params.size(); k++) {
            Tensor p = params.get(k);
            double[][] w = p.values();
            double[][] grad = g.tensor(k);
            double[][][] st = byTensor[k];
            double decay = p.weight() ? s.l2() : 0;
            if ((long) w.length * w[0].length < SHARED) {
                rule.update(w, grad, st, decay, step);
                done.rows(k, 0, w.length);
                continue;
            }
            int tensor = k;
            int rows = Math.max(1, PIECE / w[0].length);
            sharing.inShares(w.length, (from, to) -> {
                for (int r = from; r < to; r += rows) {
                    int end = Math.min(to, r + rows);
                    double[][][] part = new double[st.length][][];
                    for (int c = 0; c < st.length; c++) {
                        part[c] = Arrays.copyOfRange(st[c], r, end);
                    }
                    rule.update(Arrays.copyOfRange(w, r, end), Arrays.copyOfRange(grad, r, end), part, decay, step);
                    done.rows(tensor, r, end);
                }
            });
        }
    }

    /** Tensors of at least this many entries are cut over the threads (smaller ones cost more to hand over than to update). */
    static final int SHARED = 1 << 14;

    /** {@link mnistshell.nn.Engine#inShares}, or one share. */
    @FunctionalInterface
    private interface Sharing {
        void inShares(int count, mnistshell.nn.Engine.Shares task);
    }
}
