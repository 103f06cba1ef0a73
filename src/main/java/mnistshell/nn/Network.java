package mnistshell.nn;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import mnistshell.nn.layer.Param;
import mnistshell.nn.layer.Sequential;
import mnistshell.nn.layer.LayerSpec;
import org.la4j.Matrix;
import org.la4j.matrix.dense.Basic2DMatrix;

/**
 * A fully connected network written plainly on la4j: the readable reference that every faster
 * path must equal.
 *
 * <p>Layer sizes are {@code n_0} (inputs, 784 for MNIST) to {@code n_L} (classes). Layer {@code l}
 * (0-based) has weights {@code W[l]} of shape (n_{l+1}, n_l) and biases {@code b[l]} of shape
 * (n_{l+1}, 1), so the seed notebook's {@code W1, b1, W2, b2} are {@code W[0], b[0], W[1], b[1]}.
 * Samples are columns, as in the notebook: a batch {@code X} is (n_0, m). Hidden layers apply
 * {@link #hidden()}; the output layer is softmax, trained with cross-entropy.
 *
 * <p>A network may instead be <b>layered</b> ({@link #isLayered()}): built from a spec with a
 * convolution, pooling or dropout ({@link LayerSpec}), it holds a {@link Sequential}, and its
 * parameter layers {@code l} (those with a W and a b, dense or convolutional) are that network's
 * parameters, live: {@link #tensors()}, {@link #weightValues}, {@link #weights(int)} and the rest
 * walk them, so that training, the optimizers and save/load need not know the kinds of layers.
 * What only a dense stack has ({@link #sizes()}, {@link #forward}, {@link #backward}) is refused
 * for a layered one: ask first.
 */
public final class Network {

    private final int[] sizes;
    private final Activation hidden;
    /** The parameters' storage, shared with the la4j views below (from2DArray wraps without copying). */
    private final double[][][] weightValues;
    private final double[][][] biasValues;
    private final Matrix[] weights;
    private final Matrix[] biases;
    /** The layers of a layered network, whose parameters the arrays above are; null for a dense stack. */
    private final Sequential layered;

    private Network(int[] sizes, Activation hidden, double[][][] weightValues, double[][][] biasValues) {
        this(sizes, hidden, weightValues, biasValues, null);
    }

    private Network(int[] sizes, Activation hidden, double[][][] weightValues, double[][][] biasValues,
                    Sequential layered) {
        this.sizes = sizes.clone();
        this.hidden = hidden;
        this.layered = layered;
        this.weightValues = weightValues;
        this.biasValues = biasValues;
        this.weights = new Matrix[weightValues.length];
        this.biases = new Matrix[weightValues.length];
        for (int l = 0; l < weightValues.length; l++) {
            weights[l] = Basic2DMatrix.from2DArray(weightValues[l]);
            biases[l] = Basic2DMatrix.from2DArray(biasValues[l]);
        }
    }

    /**
     * Fresh parameters for layer sizes n_0..n_L, drawn by {@code init} from one generator seeded
     * with {@code seed}, layer by layer (W before b), row by row: the same seed gives the same bits.
     */
    public static Network create(int[] sizes, Activation hidden, Init init, long seed) {
        if (sizes.length < 2 || Arrays.stream(sizes).anyMatch(n -> n <= 0)) {
            throw new IllegalArgumentException("bad layer sizes " + Arrays.toString(sizes));
        }
        Random random = new Random(seed);
        int layers = sizes.length - 1;
        double[][][] w = new double[layers][][];
        double[][][] b = new double[layers][][];
        for (int l = 0; l < layers; l++) {
            w[l] = new double[sizes[l + 1]][sizes[l]];
            b[l] = new double[sizes[l + 1]][1];
            init.fill(w[l], b[l], random);
        }
        return new Network(sizes, hidden, w, b);
    }

    /**
     * A layered network on {@code net}'s layers and their live parameters (each parameter layer a
     * W and a b, in the order of {@link Sequential#params()}); {@code hidden} is the activation its
     * spec was parsed with, so that a copy or a saved file can parse it again.
     */
    public static Network layered(Sequential net, Activation hidden) {
        List<Param> params = net.params();
        int layers = params.size() / 2;
        double[][][] w = new double[layers][][];
        double[][][] b = new double[layers][][];
        for (int l = 0; l < layers; l++) {
            if (!params.get(2 * l).weight() || params.get(2 * l + 1).weight()) {
                throw new IllegalArgumentException("parameter layer " + (l + 1) + " is not a W and a b");
            }
            w[l] = params.get(2 * l).values();
            b[l] = params.get(2 * l + 1).values();
        }
        int[] ends = {net.in().size(), net.classes()};
        return new Network(ends, hidden, w, b, net);
    }

    /** A layered network of {@code spec}, its parameters drawn as {@link Sequential#initialise} draws them. */
    public static Network layered(Sequential net, Activation hidden, Init init, long seed) {
        net.initialise(init, seed);
        return layered(net, hidden);
    }

    /**
     * A network with the given parameters, which it keeps and trains in place (no copy).
     * weights[l]: (n_{l+1}, n_l) row by row; biases[l]: (n_{l+1}, 1).
     */
    public static Network of(Activation hidden, double[][][] weights, double[][][] biases) {
        int[] sizes = new int[weights.length + 1];
        sizes[0] = weights[0][0].length;
        for (int l = 0; l < weights.length; l++) {
            sizes[l + 1] = weights[l].length;
            boolean ok = biases[l].length == sizes[l + 1];
            for (double[] row : weights[l]) {
                ok &= row.length == sizes[l];
            }
            for (double[] row : biases[l]) {
                ok &= row.length == 1;
            }
            if (!ok) {
                throw new IllegalArgumentException("layer " + (l + 1) + " has inconsistent shapes");
            }
        }
        return new Network(sizes, hidden, weights, biases);
    }

    /** A deep copy: same architecture and values, separate storage. */
    public Network copy() {
        if (layered != null) {
            Sequential twin = LayerSpec.parse(layered.spec(), layered.in(), layered.classes(), hidden);
            List<Param> from = layered.params();
            List<Param> to = twin.params();
            for (int k = 0; k < from.size(); k++) {
                Tensor.copy(from.get(k).values(), to.get(k).values());
            }
            return layered(twin, hidden);
        }
        double[][][] w = new double[layers()][][];
        double[][][] b = new double[layers()][][];
        for (int l = 0; l < layers(); l++) {
            w[l] = deepCopy(weightValues[l]);
            b[l] = deepCopy(biasValues[l]);
        }
        return new Network(sizes, hidden, w, b);
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }

    /** W[l]'s storage, row by row, for kernels that work beside la4j on the same numbers. */
    double[][] weightValues(int l) {
        return weightValues[l];
    }

    /** b[l]'s storage, (n_{l+1}, 1). */
    double[][] biasValues(int l) {
        return biasValues[l];
    }

    /** The activations of one forward pass: {@code a[0]} is X, {@code z[l]} and {@code a[l]} are (n_l, m). */
    public record Pass(Matrix[] z, Matrix[] a) {
        /** Softmax probabilities, (n_L, m). */
        public Matrix probabilities() {
            return a[a.length - 1];
        }
    }

    /**
     * Forward pass. X: (n_0, m). Returns {@code z[l] = W[l-1] a[l-1] + b[l-1]} and
     * {@code a[l] = hidden(z[l])} for hidden layers, {@code a[L] = softmax(z[L])}, each (n_l, m).
     */
    public Pass forward(Matrix x) {
        requireDense("a dense forward pass");
        int layers = layers();
        Matrix[] z = new Matrix[layers + 1];
        Matrix[] a = new Matrix[layers + 1];
        a[0] = x;
        for (int l = 1; l <= layers; l++) {
            z[l] = addToEveryColumn(weights[l - 1].multiply(a[l - 1]), biases[l - 1]);
            a[l] = l < layers ? z[l].transform((i, j, v) -> hidden.apply(v)) : softmax(z[l]);
        }
        return new Pass(z, a);
    }

    /**
     * Backward pass for the mean cross-entropy over the m samples of {@code pass}, with textbook
     * (per-unit) bias gradients. See {@link #backward(Pass, int[], BiasGrad)}.
     */
    public Gradients backward(Pass pass, int[] labels) {
        return backward(pass, labels, BiasGrad.EXACT);
    }

    /**
     * Backward pass for the mean cross-entropy over the m samples of {@code pass}.
     * labels: m classes. Returns dW[l] (n_{l+1}, n_l) and db[l] (n_{l+1}, 1):
     * <pre>
     *   dZ_L = A_L - onehot(Y)
     *   dW[l] = dZ_{l+1} A_l^T / m
     *   db[l] = sum over samples of dZ_{l+1} / m        (EXACT: one value per unit)
     *         = sum over every element of dZ_{l+1} / m  (SEED: one scalar for every unit)
     *   dZ_l  = W[l]^T dZ_{l+1} * hidden'(Z_l)
     * </pre>
     */
    public Gradients backward(Pass pass, int[] labels, BiasGrad biasGrad) {
        requireDense("a dense backward pass");
        int layers = layers();
        int m = labels.length;
        double[][][] dW = new double[layers][][];
        double[][][] db = new double[layers][][];
        Matrix dZ = pass.probabilities().subtract(oneHot(labels, sizes[layers]));
        for (int l = layers - 1; l >= 0; l--) {
            dW[l] = values(dZ.multiply(pass.a()[l].transpose()).multiply(1.0 / m));
            db[l] = biasGrad == BiasGrad.EXACT ? values(sumOverSamples(dZ).multiply(1.0 / m))
                    : constantColumn(dZ.rows(), sumOfAll(dZ) / m);
            if (l > 0) {
                Matrix z = pass.z()[l];
                Matrix slope = z.transform((i, j, v) -> hidden.derivative(v));
                dZ = weights[l].transpose().multiply(dZ).hadamardProduct(slope);
            }
        }
        return new Gradients(dW, db, loss(pass.z()[layers], labels), correct(pass.probabilities(), labels));
    }

    /** Samples whose most probable class (the first, on a tie) is their label. P: (k, m), labels: m. */
    public static int correct(Matrix p, int[] labels) {
        int right = 0;
        for (int j = 0; j < labels.length; j++) {
            int best = 0;
            for (int i = 1; i < p.rows(); i++) {
                if (p.get(i, j) > p.get(best, j)) {
                    best = i;
                }
            }
            right += best == labels[j] ? 1 : 0;
        }
        return right;
    }

    /** A copy of m's entries, row by row. */
    private static double[][] values(Matrix m) {
        double[][] out = new double[m.rows()][m.columns()];
        for (int i = 0; i < out.length; i++) {
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] = m.get(i, j);
            }
        }
        return out;
    }

    /** The sum of every element of dZ, in plain doubles, row by row. */
    private static double sumOfAll(Matrix dZ) {
        double s = 0;
        for (int i = 0; i < dZ.rows(); i++) {
            for (int j = 0; j < dZ.columns(); j++) {
                s += dZ.get(i, j);
            }
        }
        return s;
    }

    /** (n, 1) with every entry {@code value}. */
    private static double[][] constantColumn(int n, double value) {
        double[][] out = new double[n][1];
        for (double[] row : out) {
            row[0] = value;
        }
        return out;
    }

    /** Gradient descent: {@code W[l] -= rate * dW[l]}, {@code b[l] -= rate * db[l]}, in place. */
    public void descend(Gradients g, double rate) {
        for (int l = 0; l < layers(); l++) {
            subtractScaled(weights[l], g.dW(l), rate);
            subtractScaled(biases[l], g.db(l), rate);
        }
    }

    /** The parameters in the notebook's order and names: W1, b1, W2, b2, ... (live views). */
    public java.util.List<Tensor> tensors() {
        java.util.List<Tensor> out = new java.util.ArrayList<>();
        for (int l = 0; l < layers(); l++) {
            out.add(new Tensor("W" + (l + 1), weightValues[l], true));
            out.add(new Tensor("b" + (l + 1), biasValues[l], false));
        }
        return out;
    }

    /** The parameters' names as of now, {@code W1}, {@code b1}, ..., for completion to offer. */
    public java.util.List<String> tensorNames() {
        return tensors().stream().map(Tensor::name).toList();
    }

    /** Mean cross-entropy of softmax(Z) against labels. Z: (n_L, m), computed stably from logits. */
    public static double loss(Matrix z, int[] labels) {
        double total = 0;
        for (int j = 0; j < z.columns(); j++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < z.rows(); i++) {
                max = Math.max(max, z.get(i, j));
            }
            double sum = 0;
            for (int i = 0; i < z.rows(); i++) {
                sum += Math.exp(z.get(i, j) - max);
            }
            total += Math.log(sum) - (z.get(labels[j], j) - max);
        }
        return total / z.columns();
    }

    /** softmax down each column. Z: (k, m) → (k, m), each column summing to 1. */
    public static Matrix softmax(Matrix z) {
        Matrix out = Basic2DMatrix.zero(z.rows(), z.columns());
        for (int j = 0; j < z.columns(); j++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < z.rows(); i++) {
                max = Math.max(max, z.get(i, j));
            }
            double sum = 0;
            for (int i = 0; i < z.rows(); i++) {
                double e = Math.exp(z.get(i, j) - max);
                out.set(i, j, e);
                sum += e;
            }
            for (int i = 0; i < z.rows(); i++) {
                out.set(i, j, out.get(i, j) / sum);
            }
        }
        return out;
    }

    /** labels: m classes → (k, m) with a 1 in row labels[j] of column j. */
    public static Matrix oneHot(int[] labels, int k) {
        Matrix out = Basic2DMatrix.zero(k, labels.length);
        for (int j = 0; j < labels.length; j++) {
            out.set(labels[j], j, 1.0);
        }
        return out;
    }

    /** Z: (k, m), b: (k, 1) → Z with b added to every column, in place; returns Z. */
    private static Matrix addToEveryColumn(Matrix z, Matrix b) {
        for (int i = 0; i < z.rows(); i++) {
            double bi = b.get(i, 0);
            for (int j = 0; j < z.columns(); j++) {
                z.set(i, j, z.get(i, j) + bi);
            }
        }
        return z;
    }

    /** dZ: (k, m) → (k, 1) row sums, accumulated in plain doubles (la4j's sum() goes through BigDecimal). */
    private static Matrix sumOverSamples(Matrix dZ) {
        Matrix out = Basic2DMatrix.zero(dZ.rows(), 1);
        for (int i = 0; i < dZ.rows(); i++) {
            double s = 0;
            for (int j = 0; j < dZ.columns(); j++) {
                s += dZ.get(i, j);
            }
            out.set(i, 0, s);
        }
        return out;
    }

    private static void subtractScaled(Matrix target, Matrix delta, double rate) {
        for (int i = 0; i < target.rows(); i++) {
            for (int j = 0; j < target.columns(); j++) {
                target.set(i, j, target.get(i, j) - rate * delta.get(i, j));
            }
        }
    }

    /** Number of weight layers, L; of a layered network, the layers with parameters. */
    public int layers() {
        return weights.length;
    }

    /** Whether it is layered (convolutions, pooling, dropout: see the class comment), not a dense stack. */
    public boolean isLayered() {
        return layered != null;
    }

    /** Its layers, when it is layered; null for a dense stack. */
    public Sequential sequential() {
        return layered;
    }

    /**
     * The stack of layers this network is: a layered one's own {@link #sequential}; a dense one's
     * as a {@link Sequential} of dense layers on images of {@code image}'s shape, its parameters
     * copied, which computes what this network does (for passes only the layered engines make).
     */
    public Sequential asStack(mnistshell.nn.layer.Shape image) {
        if (layered != null) {
            return layered;
        }
        StringBuilder spec = new StringBuilder();
        for (int n : sizes) {
            spec.append(spec.length() == 0 ? "" : "-").append(n);
        }
        Sequential stack = LayerSpec.parse(spec.toString(), image, outputs(), hidden);
        List<Param> to = stack.params();
        for (int l = 0; l < layers(); l++) {
            Tensor.copy(weightValues[l], to.get(2 * l).values());
            Tensor.copy(biasValues[l], to.get(2 * l + 1).values());
        }
        return stack;
    }

    /**
     * How many hidden layers the engines report activation statistics for ({@link HiddenStats}):
     * a dense stack's L - 1, none of a layered network's.
     */
    public int statsLayers() {
        return layered == null ? layers() - 1 : 0;
    }

    /** Layer sizes n_0 .. n_L (a copy); refused for a layered network, which has no such sizes. */
    public int[] sizes() {
        requireDense("layer sizes");
        return sizes.clone();
    }

    /** Refuses, as an internal error, what only a dense stack can do, asked of a layered network. */
    private void requireDense(String what) {
        if (layered != null) {
            throw new IllegalStateException(what + " asked of the layered network " + layered.spec());
        }
    }

    /** Whether the layer sizes are {@code other}'s (no copy made, for the kernel's every call). */
    boolean hasSizes(int[] other) {
        return layered == null && java.util.Arrays.equals(sizes, other);
    }

    /** Values an image: n_0. */
    public int inputs() {
        return sizes[0];
    }

    /** The classes: n_L. */
    public int outputs() {
        return sizes[sizes.length - 1];
    }

    public Activation hidden() {
        return hidden;
    }

    /** W[l], (n_{l+1}, n_l): the live parameter, not a copy. */
    public Matrix weights(int l) {
        return weights[l];
    }

    /** b[l], (n_{l+1}, 1): the live parameter, not a copy. */
    public Matrix biases(int l) {
        return biases[l];
    }

    /** "784-10-10"; a layered network's spec, "conv8k5-pool2-64-10". */
    public String architecture() {
        if (layered != null) {
            return layered.spec();
        }
        StringBuilder s = new StringBuilder();
        for (int n : sizes) {
            s.append(s.length() == 0 ? "" : "-").append(n);
        }
        return s.toString();
    }
}
