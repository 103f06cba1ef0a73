package mnistshell.nn;

import java.util.List;
import mnistshell.data.Dataset;
import mnistshell.nn.layer.Conv;
import mnistshell.nn.layer.Dense;
import mnistshell.nn.layer.Dropout;
import mnistshell.nn.layer.Layer;
import mnistshell.nn.layer.MaxPool;
import mnistshell.nn.layer.Sequential;

/**
 * A {@link Sequential} as {@link LayerKernel} runs it: its layers as steps over flat arrays, each
 * worker's scratch, the chunks' slots and their sums, and the gradients handed back, all made once
 * for the network and reused. A chunk is one call of {@link #run}: its samples loaded, forward
 * through every step, softmax and cross-entropy, and back, its sums into its own slot.
 */
final class LayerPlan {
    /** Chunks whose sums are held at once; a batch of more chunks is run in rounds of this many. */
    static final int SLOTS = 16;
    /** The returned gradients, filled in turn, so that each stays whole through the two calls after it. */
    static final int KEPT = 3;

    final Sequential net;
    final LayerStep[] steps;
    final int classes;
    /** The first step with parameters: no gradient is needed below it. */
    private final int lowest;
    /** Where pixel p of an image lies at boundary 0; null when that is p itself. */
    private final int[] inputOrder;
    final LayerSlot[] slots = new LayerSlot[SLOTS];
    final double[][] dWSum;
    final double[][] dbSum;
    /** A call's loss sum and right answers, handed back without making an object. */
    final double[] totals = new double[2];
    private final Gradients[] kept = new Gradients[KEPT];
    private int nextKept;
    private final boolean nativeProducts;
    LayerScratch[] scratch;

    LayerPlan(Sequential net, int threads, boolean nativeProducts) {
        if (!net.layers().get(net.layers().size() - 1).out().isFlat()) {
            throw new IllegalArgumentException("the last layer must give flat logits, found " + net.classes());
        }
        this.net = net;
        this.nativeProducts = nativeProducts;
        List<Layer> layers = net.layers();
        steps = new LayerStep[layers.size()];
        int params = 0;
        int first = -1;
        for (int l = 0; l < steps.length; l++) {
            steps[l] = step(l, layers.get(l), params);
            if (steps[l].param() >= 0) {
                params++;
                first = first < 0 ? l : first;
            }
        }
        lowest = first;
        classes = net.classes();
        inputOrder = LayerStep.positionMajor(net.in());
        for (int q = 0; q < SLOTS; q++) {
            slots[q] = new LayerSlot(steps, params);
        }
        LayerSlot sums = new LayerSlot(steps, params);
        dWSum = sums.dW;
        dbSum = sums.db;
        for (int k = 0; k < KEPT; k++) {
            kept[k] = gradientsShaped(params);
        }
        scratch = new LayerScratch[threads];
    }

    private static LayerStep step(int at, Layer layer, int param) {
        if (layer instanceof Dense dense) {
            return new LayerDenseStep(at, dense, param);
        }
        if (layer instanceof Conv conv) {
            return new LayerConvStep(at, conv, param);
        }
        if (layer instanceof MaxPool pool) {
            return new LayerPoolStep(at, pool);
        }
        if (layer instanceof Dropout drop) {
            return new LayerDropStep(at, drop);
        }
        throw new IllegalArgumentException("no fast step for " + layer.kind());
    }

    private Gradients gradientsShaped(int params) {
        double[][][] dW = new double[params][][];
        double[][][] db = new double[params][][];
        for (LayerStep step : steps) {
            if (step.param() >= 0) {
                dW[step.param()] = new double[step.weightRows()][step.weightColumns()];
                db[step.param()] = new double[step.weightRows()][1];
            }
        }
        return new Gradients(dW, db, 0, 0);
    }

    /** Every worker's scratch holds chunks of {@code chunk} samples. */
    void reserve(int chunk) {
        for (int t = 0; t < scratch.length; t++) {
            if (scratch[t] == null || scratch[t].capacity < chunk) {
                scratch[t] = new LayerScratch(steps, classes, chunk, nativeProducts);
            }
        }
    }

    /** The live parameters into every step's flat copies. */
    void refresh() {
        for (LayerStep step : steps) {
            step.refresh();
        }
    }

    /**
     * Samples [from, to) of the batch {@code indices} through the network, on {@code s}: the loss
     * and right answers into {@code slot}, the predictions (when not null) at their place, and,
     * when {@code backward}, the parameters' gradient sums.
     */
    void run(LayerScratch s, Dataset data, int[] indices, int from, int to, double[] pixels, LayerSlot slot,
             boolean backward, int[] predictions) {
        s.from = from;
        s.count = to - from;
        load(s, data, indices, pixels);
        for (LayerStep step : steps) {
            step.forward(s);
        }
        softmax(s, data, indices, slot, backward, predictions);
        for (int l = steps.length - 1; backward && l >= lowest && l >= 0; l--) {
            steps[l].backward(s, slot, l > lowest);
        }
    }

    /** The chunk's images at boundary 0: pixel values through {@code pixels} (the dataset's own scaling). */
    private void load(LayerScratch s, Dataset data, int[] indices, double[] pixels) {
        int n = data.features();
        byte[] bytes = data.pixels();
        double[] a = s.a[0];
        for (int j = 0; j < s.count; j++) {
            int image = indices[s.from + j] * n;
            int base = j * n;
            for (int p = 0; p < n; p++) {
                a[base + (inputOrder == null ? p : inputOrder[p])] = pixels[bytes[image + p] & 0xFF];
            }
        }
    }

    /**
     * Each sample's logits → its probabilities, as the reference's softmax makes them; its
     * cross-entropy as {@code Network.loss} sums it; right when its most probable class (the first
     * on a tie) is its label; and dZ = P - onehot(label) at the last boundary of {@code s.d}.
     */
    private void softmax(LayerScratch s, Dataset data, int[] indices, LayerSlot slot, boolean backward,
                         int[] predictions) {
        double[] z = s.a[steps.length];
        double[] dz = s.d[steps.length];
        double[] p = s.probabilities;
        double loss = 0;
        int correct = 0;
        for (int j = 0; j < s.count; j++) {
            int base = j * classes;
            int label = data.label(indices[s.from + j]);
            if (label >= classes) {
                throw new IllegalArgumentException("image " + indices[s.from + j] + " is labelled " + label
                        + ", the network has " + classes + " classes");
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < classes; i++) {
                max = Math.max(max, z[base + i]);
            }
            double sum = 0;
            for (int i = 0; i < classes; i++) {
                p[i] = Math.exp(z[base + i] - max);
                sum += p[i];
            }
            loss += Math.log(sum) - (z[base + label] - max);
            int best = 0;
            for (int i = 0; i < classes; i++) {
                p[i] = p[i] / sum;
                best = p[i] > p[best] ? i : best;
                if (backward) {
                    dz[base + i] = p[i] - (i == label ? 1.0 : 0.0);
                }
            }
            correct += best == label ? 1 : 0;
            if (predictions != null) {
                predictions[s.from + j] = best;
            }
        }
        slot.loss = loss;
        slot.correct = correct;
    }

    /**
     * Worker {@code worker}'s share of adding the dW of chunks [first, last), held in slots 0, 1,
     * ..., onto the sums: entry by entry in chunk order, the first chunk of a batch copied, so
     * that however the entries are shared out each sum is the same chain.
     */
    void addWeights(int first, int last, int worker, int workers) {
        for (int p = 0; p < dWSum.length; p++) {
            double[] sum = dWSum[p];
            int from = KernelBuffers.share(sum.length, worker, workers);
            int to = KernelBuffers.share(sum.length, worker + 1, workers);
            for (int c = first; c < last; c++) {
                double[] part = slots[c - first].dW[p];
                if (c == 0) {
                    System.arraycopy(part, from, sum, from, to - from);
                } else {
                    for (int e = from; e < to; e++) {
                        sum[e] += part[e];
                    }
                }
            }
        }
    }

    /** The same for db, on the calling thread: a few numbers a layer. */
    void addBiases(int first, int last) {
        for (int p = 0; p < dbSum.length; p++) {
            double[] sum = dbSum[p];
            for (int c = first; c < last; c++) {
                double[] part = slots[c - first].db[p];
                for (int e = 0; e < sum.length; e++) {
                    sum[e] = c == 0 ? part[e] : sum[e] + part[e];
                }
            }
        }
    }

    /**
     * The sums over m samples as the reference's means: dW and an exact db times 1/m, the seed's
     * db one scalar, every entry of the layer's dZ summed, over m. Moves on to the next of the kept.
     */
    Gradients finish(int m, BiasGrad biasGrad, double loss, int correct) {
        Gradients g = kept[nextKept];
        nextKept = (nextKept + 1) % KEPT;
        double scale = 1.0 / m;
        for (int p = 0; p < dWSum.length; p++) {
            double[][] dW = g.dW()[p];
            int columns = dW[0].length;
            for (int r = 0; r < dW.length; r++) {
                for (int c = 0; c < columns; c++) {
                    dW[r][c] = dWSum[p][r * columns + c] * scale;
                }
            }
            double all = 0;
            for (double v : dbSum[p]) {
                all += v;
            }
            double[][] db = g.db()[p];
            for (int r = 0; r < db.length; r++) {
                db[r][0] = biasGrad == BiasGrad.SEED ? all / m : dbSum[p][r] * scale;
            }
        }
        g.set(loss / m, correct);
        return g;
    }
}
