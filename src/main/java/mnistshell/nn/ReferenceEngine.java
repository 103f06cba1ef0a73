package mnistshell.nn;

import mnistshell.data.Dataset;
import mnistshell.nn.layer.Pass;
import org.la4j.Matrix;

/**
 * The reference engine: the {@link Network}'s own la4j forward and backward passes, as readable as
 * the notebook. Slow (la4j multiplies in a plain loop and allocates every intermediate); the
 * {@link FastKernel} is held equal to it by tests.
 *
 * <p>Batches are fed to la4j in chunks of {@value #CHUNK} images so that pixels stay bytes in
 * memory and only a chunk is ever held as doubles; the chunks' mean gradients are combined,
 * weighted by their sizes, into the mean over the whole batch.
 */
public final class ReferenceEngine implements Engine {

    static final int CHUNK = 1000;

    @Override
    public String name() {
        return "reference";
    }

    /** The hidden activations of the last gradients call. */
    private HiddenStats hidden;
    /** What a layered network runs on. */
    private final LayerReference layers = new LayerReference();

    @Override
    public Gradients gradients(Network net, Dataset data, int[] indices, BiasGrad biasGrad) {
        return gradients(net, data, indices, Pass.evaluation().withBiasGrad(biasGrad));
    }

    /** A layered network's go to {@link LayerReference#gradients}. */
    @Override
    public Gradients gradients(Network net, Dataset data, int[] indices, Pass how) {
        if (net.isLayered()) {
            hidden = null;
            return layers.gradients(net.sequential(), data, indices, how);
        }
        BiasGrad biasGrad = how.biasGrad();
        Gradients total = null;
        HiddenStats.Sums sums = new HiddenStats.Sums(net.layers() - 1);
        for (int from = 0; from < indices.length; from += CHUNK) {
            int to = Math.min(indices.length, from + CHUNK);
            Batch batch = Batch.of(data, indices, from, to);
            Network.Pass pass = net.forward(batch.x());
            Gradients g = net.backward(pass, batch.labels(), biasGrad);
            total = addScaled(total, g, (double) (to - from) / indices.length);
            for (int l = 1; l < net.layers(); l++) {
                Matrix a = pass.a()[l];
                for (int i = 0; i < a.rows(); i++) {
                    for (int j = 0; j < a.columns(); j++) {
                        sums.add(l - 1, net.hidden(), a.get(i, j));
                    }
                }
            }
        }
        hidden = sums.stats();
        return total;
    }

    @Override
    public HiddenStats lastHiddenStats(Network net) {
        return hidden;
    }

    /** Mean gradients with textbook bias gradients; see {@link #gradients(Network, Dataset, int[], BiasGrad)}. */
    public Gradients gradients(Network net, Dataset data, int[] indices) {
        return gradients(net, data, indices, BiasGrad.EXACT);
    }

    @Override
    public Evaluation evaluate(Network net, Dataset data, int[] indices) {
        if (net.isLayered()) {
            return layers.evaluate(net.sequential(), data, indices);
        }
        int[] predictions = new int[indices.length];
        double lossSum = 0;
        int correct = 0;
        for (int from = 0; from < indices.length; from += CHUNK) {
            int to = Math.min(indices.length, from + CHUNK);
            Batch batch = Batch.of(data, indices, from, to);
            Network.Pass pass = net.forward(batch.x());
            lossSum += Network.loss(pass.z()[net.layers()], batch.labels()) * (to - from);
            Matrix p = pass.probabilities();
            for (int j = 0; j < to - from; j++) {
                predictions[from + j] = Evaluation.argmax(column(p, j));
                if (predictions[from + j] == batch.labels()[j]) {
                    correct++;
                }
            }
        }
        return new Evaluation(indices.length == 0 ? 0 : lossSum / indices.length, correct, predictions);
    }

    /** Class probabilities of one image: n_L values summing to 1. */
    public static double[] probabilities(Network net, Dataset data, int image) {
        Batch batch = Batch.of(data, new int[] {image}, 0, 1);
        if (net.isLayered()) {
            return column(net.sequential().probabilities(batch.x(), Pass.evaluation()), 0);
        }
        return column(net.forward(batch.x()).probabilities(), 0);
    }

    private static double[] column(Matrix p, int j) {
        double[] out = new double[p.rows()];
        for (int i = 0; i < out.length; i++) {
            out[i] = p.get(i, j);
        }
        return out;
    }

    /** acc + weight * g, tensor by tensor; acc may be null (then just weight * g). */
    private static Gradients addScaled(Gradients acc, Gradients g, double weight) {
        int layers = g.layers();
        double[][][] dW = new double[layers][][];
        double[][][] db = new double[layers][][];
        for (int l = 0; l < layers; l++) {
            dW[l] = addScaled(acc == null ? null : acc.dW()[l], g.dW()[l], weight);
            db[l] = addScaled(acc == null ? null : acc.db()[l], g.db()[l], weight);
        }
        double loss = (acc == null ? 0 : acc.loss()) + weight * g.loss();
        return new Gradients(dW, db, loss, (acc == null ? 0 : acc.correct()) + g.correct());
    }

    private static double[][] addScaled(double[][] acc, double[][] g, double weight) {
        double[][] out = new double[g.length][g[0].length];
        for (int i = 0; i < g.length; i++) {
            for (int j = 0; j < g[0].length; j++) {
                out[i][j] = (acc == null ? 0 : acc[i][j]) + weight * g[i][j];
            }
        }
        return out;
    }
}
