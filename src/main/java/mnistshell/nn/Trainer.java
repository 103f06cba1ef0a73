package mnistshell.nn;

import mnistshell.data.Dataset;
import org.la4j.Matrix;

/**
 * Full-batch gradient descent as the seed notebook does it, on the reference {@link Network}.
 *
 * <p>The batch is fed to la4j in chunks of {@value #CHUNK} images so that pixels stay bytes in
 * memory and only a chunk is ever held as doubles; the chunks' mean gradients are combined,
 * weighted by their sizes, into the mean over the whole training set.
 */
public final class Trainer {

    static final int CHUNK = 1000;

    private Trainer() {
    }

    /** Mean gradients (and loss) over images {@code indices} of {@code data}. Shapes as {@link Network#backward}. */
    public static Gradients gradients(Network net, Dataset data, int[] indices) {
        Gradients total = null;
        for (int from = 0; from < indices.length; from += CHUNK) {
            int to = Math.min(indices.length, from + CHUNK);
            Batch batch = Batch.of(data, indices, from, to);
            Gradients g = net.backward(net.forward(batch.x()), batch.labels());
            double weight = (double) (to - from) / indices.length;
            total = total == null ? scaled(g, weight) : addScaled(total, g, weight);
        }
        return total;
    }

    /** One full-batch update with learning rate {@code rate}; returns the loss before it. */
    public static double step(Network net, Dataset data, int[] indices, double rate) {
        Gradients g = gradients(net, data, indices);
        net.descend(g, rate);
        return g.loss();
    }

    /** Loss, accuracy and predictions of {@code net} on images {@code indices} of {@code data}. */
    public static Evaluation evaluate(Network net, Dataset data, int[] indices) {
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
                predictions[from + j] = argmaxOfColumn(p, j);
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
        Matrix p = net.forward(batch.x()).probabilities();
        double[] out = new double[p.rows()];
        for (int i = 0; i < out.length; i++) {
            out[i] = p.get(i, 0);
        }
        return out;
    }

    /** Index of the largest value (the first, on a tie): the predicted class of a probability vector. */
    public static int argmax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }

    static int argmaxOfColumn(Matrix p, int j) {
        int best = 0;
        for (int i = 1; i < p.rows(); i++) {
            if (p.get(i, j) > p.get(best, j)) {
                best = i;
            }
        }
        return best;
    }

    private static Gradients scaled(Gradients g, double weight) {
        return addScaled(null, g, weight);
    }

    /** acc + weight * g, tensor by tensor; acc may be null (then just weight * g). */
    private static Gradients addScaled(Gradients acc, Gradients g, double weight) {
        int layers = g.dW().length;
        Matrix[] dW = new Matrix[layers];
        Matrix[] db = new Matrix[layers];
        for (int l = 0; l < layers; l++) {
            dW[l] = g.dW()[l].multiply(weight);
            db[l] = g.db()[l].multiply(weight);
            if (acc != null) {
                dW[l] = acc.dW()[l].add(dW[l]);
                db[l] = acc.db()[l].add(db[l]);
            }
        }
        return new Gradients(dW, db, (acc == null ? 0 : acc.loss()) + weight * g.loss());
    }
}
