package mnistshell.nn.layer;

import java.util.List;
import mnistshell.nn.Activation;
import mnistshell.nn.BiasGrad;
import org.la4j.Matrix;
import org.la4j.matrix.dense.Basic2DMatrix;

/**
 * A 2-D convolution, stride 1: C filters of k x k over every input channel, a bias per filter,
 * then the activation, written as im2col. W is the filter matrix (C, C_in k k), one filter a row
 * in the order of {@link Patches}' rows; b is (C, 1). The output map (C, Ho, Wo) of each sample is
 * W times its patches, plus b: one la4j product for the whole batch.
 */
public final class Conv implements Layer {

    private final Shape in;
    private final Shape out;
    private final int filters;
    private final int kernel;
    private final Padding padding;
    private final Activation activation;
    private final Patches unfolding;
    private final Weights weights;
    private Matrix patches;
    private Matrix z;
    private BiasGrad biasGrad = BiasGrad.EXACT;

    /**
     * Zero parameters, made when first asked for; the kernel must fit the input (k ≤ H and k ≤ W,
     * whatever the padding). {@code activation} null for none.
     */
    public Conv(Shape in, int filters, int kernel, Padding padding, Activation activation) {
        if (filters < 1 || kernel < 1) {
            throw new IllegalArgumentException("a convolution needs at least 1 filter of at least 1x1");
        }
        if (kernel > in.height() || kernel > in.width()) {
            throw new IllegalArgumentException("a " + kernel + "x" + kernel + " kernel is larger than its input "
                    + in.channels() + "x" + in.height() + "x" + in.width());
        }
        this.in = in;
        this.filters = filters;
        this.kernel = kernel;
        this.padding = padding;
        this.activation = activation;
        this.out = new Shape(filters, padding.outSize(in.height(), kernel), padding.outSize(in.width(), kernel));
        this.unfolding = new Patches(in, kernel, padding);
        this.weights = new Weights(filters, in.channels() * kernel * kernel);
    }

    @Override
    public Shape in() {
        return in;
    }

    @Override
    public Shape out() {
        return out;
    }

    @Override
    public List<Param> params() {
        return weights.params();
    }

    @Override
    public long parameterCount() {
        return weights.count();
    }

    public int kernel() {
        return kernel;
    }

    public int filters() {
        return filters;
    }

    public Padding padding() {
        return padding;
    }

    /** Its activation, or null for none. */
    public Activation activation() {
        return activation;
    }

    /** Fan-out of a weight, for Xavier: each input value reaches C k k outputs. */
    int fanOut() {
        return filters * kernel * kernel;
    }

    @Override
    public String token() {
        return "conv" + filters + "k" + kernel + (padding == Padding.SAME ? "same" : "");
    }

    @Override
    public String kind() {
        return "conv " + kernel + "x" + kernel + " " + padding;
    }

    /**
     * X: (C_in H W, m) → A = act(Z): (C Ho Wo, m), where patches = unfold(X): (C_in k k, m Ho Wo),
     * W patches: (C, m Ho Wo), and Z: (C Ho Wo, m) is that product, plus b on each filter's row,
     * with sample j's Ho Wo columns laid down its own column, filter by filter.
     */
    @Override
    public Matrix forward(Matrix x, Pass pass) {
        biasGrad = pass.biasGrad();
        patches = unfolding.unfold(x);
        Matrix product = Columns.addToEveryColumn(weights.wView().multiply(patches), weights.bView());
        z = toSamples(product, x.columns());
        return Columns.apply(activation, z);
    }

    /**
     * dA: (C Ho Wo, m) → dX: (C_in H W, m). dZ = dA ⊙ act'(Z), regrouped as (C, m Ho Wo); then
     * dW = dZ patchesᵀ / m: (C, C_in k k), db = dZ's row sums / m: (C, 1), and dX = fold(Wᵀ dZ).
     */
    @Override
    public Matrix backward(Matrix dOut) {
        int m = dOut.columns();
        Matrix dZ = toFilters(Columns.throughActivation(activation, dOut, z), m);
        Columns.meanInto(dZ.multiply(patches.transpose()), m, weights.w().gradient());
        Columns.biasGradientInto(dZ, m, biasGrad, weights.b().gradient());
        return unfolding.fold(weights.wView().transpose().multiply(dZ), m);
    }

    /** (C, m Ho Wo) → (C Ho Wo, m): entry (c, j Ho Wo + p) goes to (c Ho Wo + p, j). */
    private Matrix toSamples(Matrix byFilter, int m) {
        int positions = unfolding.positions();
        double[][] o = new double[filters * positions][m];
        for (int c = 0; c < filters; c++) {
            for (int j = 0; j < m; j++) {
                for (int p = 0; p < positions; p++) {
                    o[c * positions + p][j] = byFilter.get(c, j * positions + p);
                }
            }
        }
        return Basic2DMatrix.from2DArray(o);
    }

    /** (C Ho Wo, m) → (C, m Ho Wo), the inverse of {@link #toSamples}. */
    private Matrix toFilters(Matrix bySample, int m) {
        int positions = unfolding.positions();
        double[][] o = new double[filters][m * positions];
        for (int c = 0; c < filters; c++) {
            for (int j = 0; j < m; j++) {
                for (int p = 0; p < positions; p++) {
                    o[c][j * positions + p] = bySample.get(c * positions + p, j);
                }
            }
        }
        return Basic2DMatrix.from2DArray(o);
    }
}
