package mnistshell.inspect;

import mnistshell.nn.Activation;
import mnistshell.nn.Network;
import org.la4j.Matrix;
import org.la4j.matrix.dense.Basic2DMatrix;

/**
 * One image seen from inside the network: every layer's activations, how much each hidden unit
 * adds to the predicted class, and the saliency, the gradient of the predicted class's probability
 * with respect to each input pixel. The derivatives are worked out here from the forward pass
 * alone (the softmax Jacobian, then back through the layers); {@link Network#backward} is of the
 * loss and shares none of this.
 *
 * @param predicted    the most probable class
 * @param probability  its probability
 * @param activations  per hidden layer l (0 for the first), its n_{l+1} outputs
 * @param contribution per hidden layer, each unit's output times the derivative of the predicted
 *                     class's logit with respect to it: for the last hidden layer exactly its term
 *                     {@code W[c][u] a_u} of the logit
 * @param saliency     d p_predicted / d x, one value per input (n_0)
 */
public record OneImage(int predicted, double probability, double[][] activations, double[][] contribution,
                       double[] saliency) {

    /** {@code x} (n_0 inputs, as the network sees them) through {@code net}. */
    public static OneImage of(Network net, double[] x) {
        Matrix input = column(x);
        Network.Pass pass = net.forward(input);
        int layers = net.layers();
        Matrix p = pass.probabilities();
        int c = 0;
        for (int i = 1; i < p.rows(); i++) {
            c = p.get(i, 0) > p.get(c, 0) ? i : c;
        }
        double pc = p.get(c, 0);
        // dp_c/dz_L[i] = p_c (1[i = c] - p_i): the softmax Jacobian's row c
        double[] dProb = new double[p.rows()];
        double[] dLogit = new double[p.rows()]; // d z_L[c] / d z_L: the one-hot of c
        for (int i = 0; i < dProb.length; i++) {
            dProb[i] = pc * ((i == c ? 1 : 0) - p.get(i, 0));
        }
        dLogit[c] = 1;
        double[][] activations = new double[layers - 1][];
        double[][] contribution = new double[layers - 1][];
        Activation act = net.hidden();
        for (int l = layers - 1; l >= 0; l--) {
            double[] daProb = transposeTimes(net.weights(l), dProb); // d/d a_l, a_0 = x
            double[] daLogit = transposeTimes(net.weights(l), dLogit);
            if (l == 0) {
                return new OneImage(c, pc, activations, contribution, daProb);
            }
            Matrix a = pass.a()[l];
            Matrix z = pass.z()[l];
            activations[l - 1] = new double[a.rows()];
            contribution[l - 1] = new double[a.rows()];
            for (int u = 0; u < a.rows(); u++) {
                activations[l - 1][u] = a.get(u, 0);
                contribution[l - 1][u] = a.get(u, 0) * daLogit[u];
                double slope = act.derivative(z.get(u, 0));
                daProb[u] *= slope;
                daLogit[u] *= slope;
            }
            dProb = daProb;
            dLogit = daLogit;
        }
        throw new IllegalStateException("a network has at least one layer");
    }

    /**
     * A layered network's saliency of {@code x}: the predicted class, its probability, and
     * d p_predicted / d x, from the softmax Jacobian's row back through every layer's own
     * backward pass (dropout off). They run on a copy of the network, since a layer's backward pass
     * also fills its parameters' gradients, which are the network's to keep. No activations or
     * contributions (empty): those are a dense stack's ({@link #of}).
     */
    public static OneImage saliency(Network net, double[] x) {
        mnistshell.nn.layer.Sequential twin = net.copy().sequential();
        Matrix p = Network.softmax(twin.logits(column(x), mnistshell.nn.layer.Pass.evaluation()));
        int c = 0;
        for (int i = 1; i < p.rows(); i++) {
            c = p.get(i, 0) > p.get(c, 0) ? i : c;
        }
        double pc = p.get(c, 0);
        double[][] dProb = new double[p.rows()][1];
        for (int i = 0; i < dProb.length; i++) {
            dProb[i][0] = pc * ((i == c ? 1 : 0) - p.get(i, 0));
        }
        Matrix d = Basic2DMatrix.from2DArray(dProb);
        java.util.List<mnistshell.nn.layer.Layer> layers = twin.layers();
        for (int l = layers.size() - 1; l >= 0; l--) {
            d = layers.get(l).backward(d);
        }
        double[] saliency = new double[x.length];
        for (int i = 0; i < saliency.length; i++) {
            saliency[i] = d.get(i, 0);
        }
        return new OneImage(c, pc, new double[0][], new double[0][], saliency);
    }

    /** x as one column: (x.length, 1). */
    private static Matrix column(double[] x) {
        double[][] column = new double[x.length][1];
        for (int i = 0; i < x.length; i++) {
            column[i][0] = x[i];
        }
        return Basic2DMatrix.from2DArray(column);
    }

    /** W^T v: W is (n_{l+1}, n_l), v has n_{l+1} values, the result n_l. */
    private static double[] transposeTimes(Matrix w, double[] v) {
        double[] out = new double[w.columns()];
        for (int i = 0; i < w.rows(); i++) {
            if (v[i] == 0) {
                continue;
            }
            for (int j = 0; j < w.columns(); j++) {
                out[j] += w.get(i, j) * v[i];
            }
        }
        return out;
    }

    /** The {@code n} units of hidden layer {@code l} adding most to the predicted class, largest first. */
    public int[] topUnits(int l, int n) {
        double[] c = contribution[l];
        return java.util.stream.IntStream.range(0, c.length).boxed()
                .sorted((a, b) -> Double.compare(c[b], c[a])).limit(n).mapToInt(Integer::intValue).toArray();
    }
}
