package mnistshell.inspect;

import java.util.ArrayList;
import java.util.List;
import mnistshell.nn.Activation;
import mnistshell.nn.Network;
import mnistshell.nn.layer.Conv;
import mnistshell.nn.layer.Dense;
import mnistshell.nn.layer.Dropout;
import mnistshell.nn.layer.Layer;
import mnistshell.nn.layer.Pass;
import mnistshell.nn.layer.Sequential;
import mnistshell.nn.layer.Shape;
import org.la4j.Matrix;
import org.la4j.matrix.dense.Basic2DMatrix;

/**
 * One image through a layered network, layer by layer, dropout off: each layer's output as the
 * next layer sees it, which is what {@link Sequential#logits} computes (the same layers' forward
 * in the same order), kept at every step. For the hidden dense layers also what {@code predict
 * --inside} shows for a dense network: each unit's output times the derivative of the predicted
 * class's logit with respect to it.
 *
 * @param input       the image as the network takes it, (in().size()) values channel-major
 * @param stages      one per layer, in order
 * @param predicted   the most probable class
 * @param probability its probability
 */
public record FeatureMaps(double[] input, int inChannels, int inHeight, int inWidth, List<Stage> stages,
                          int predicted, double probability) {

    /**
     * What one layer gave.
     *
     * @param layer        1 for the first layer of the stack
     * @param token        its spec token, {@code conv8k5}
     * @param kind         {@code conv 5x5 valid}, {@code max pool 2x2}, {@code dense}, ...
     * @param channels     its output's shape: channels x height x width (n x 1 x 1 for dense)
     * @param values       its output, channel-major, (channels height width) values
     * @param dense        whether it is a dense layer (its output a vector of units)
     * @param activation   its activation's name as the shell prints it, or null for none
     * @param contribution for a hidden dense layer, each unit's output times d logit_predicted /
     *                     d output; null for other layers and for the logits
     */
    public record Stage(int layer, String token, String kind, int channels, int height, int width, double[] values,
                        boolean dense, String activation, double[] contribution) {

        public double min() {
            double m = Double.POSITIVE_INFINITY;
            for (double v : values) {
                m = Math.min(m, v);
            }
            return m;
        }

        public double max() {
            double m = Double.NEGATIVE_INFINITY;
            for (double v : values) {
                m = Math.max(m, v);
            }
            return m;
        }

        /** Channel c's height x width values, row by row. */
        public double[] channel(int c) {
            double[] out = new double[height * width];
            System.arraycopy(values, c * out.length, out, 0, out.length);
            return out;
        }
    }

    /** {@code x} (net.in().size() values, as the network takes them) through {@code net}. */
    public static FeatureMaps of(Sequential net, double[] x) {
        List<Layer> layers = net.layers();
        Matrix[] outputs = new Matrix[layers.size()];
        Matrix a = column(x);
        for (int l = 0; l < layers.size(); l++) {
            a = layers.get(l).forward(a, Pass.evaluation());
            outputs[l] = a;
        }
        Matrix p = Network.softmax(a);
        int c = 0;
        for (int i = 1; i < p.rows(); i++) {
            c = p.get(i, 0) > p.get(c, 0) ? i : c;
        }
        double[][] toLogit = logitGradients(layers, x, outputs, c);
        List<Stage> stages = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            stages.add(stage(layers.get(l), l, values(outputs[l]), toLogit[l], l == layers.size() - 1));
        }
        Shape in = net.in();
        return new FeatureMaps(x.clone(), in.channels(), in.height(), in.width(), List.copyOf(stages), c,
                p.get(c, 0));
    }

    private static Stage stage(Layer layer, int l, double[] a, double[] toLogit, boolean last) {
        Shape out = layer.out();
        boolean dense = layer instanceof Dense;
        double[] contribution = null;
        if (dense && !last && toLogit != null) {
            contribution = new double[a.length];
            for (int u = 0; u < a.length; u++) {
                contribution[u] = a[u] * toLogit[u];
            }
        }
        return new Stage(l + 1, layer.token(), layer.kind(), out.channels(), out.height(), out.width(), a, dense,
                activationName(layer), contribution);
    }

    /**
     * Per layer l, d z_L[c] / d (layer l's output), back from the logits through the tail of dense
     * and dropout layers (dropout is the identity here); null from the first other layer down,
     * where no dense unit needs it. Through a dense layer: d/d in = Wᵀ (d/d out ⊙ act'(W in + b)).
     */
    static double[][] logitGradients(List<Layer> layers, double[] x, Matrix[] outputs, int c) {
        double[][] out = new double[layers.size()][];
        double[] g = new double[outputs[layers.size() - 1].rows()];
        g[c] = 1;
        for (int l = layers.size() - 1; l >= 0; l--) {
            out[l] = g;
            Layer layer = layers.get(l);
            double[] in = l == 0 ? x : values(outputs[l - 1]);
            if (layer instanceof Dense dense) {
                g = throughDense(dense, in, g);
            } else if (!(layer instanceof Dropout)) {
                break;
            }
        }
        return out;
    }

    /** g: (n_out) at the output of {@code dense} over input {@code in}: (n_in) → Wᵀ (g ⊙ act'(z)): (n_in). */
    private static double[] throughDense(Dense dense, double[] in, double[] g) {
        double[][] w = dense.params().get(0).values();
        double[][] b = dense.params().get(1).values();
        Activation act = dense.activation();
        double[] back = new double[in.length];
        for (int u = 0; u < w.length; u++) {
            double dz = g[u];
            if (act != null) {
                double z = b[u][0];
                for (int i = 0; i < in.length; i++) {
                    z += w[u][i] * in[i];
                }
                dz *= act.derivative(z);
            }
            for (int i = 0; i < in.length && dz != 0; i++) {
                back[i] += w[u][i] * dz;
            }
        }
        return back;
    }

    private static String activationName(Layer layer) {
        Activation act = layer instanceof Conv conv ? conv.activation()
                : layer instanceof Dense dense ? dense.activation() : null;
        return act == null ? null : act.toString();
    }

    private static Matrix column(double[] x) {
        double[][] c = new double[x.length][1];
        for (int i = 0; i < x.length; i++) {
            c[i][0] = x[i];
        }
        return Basic2DMatrix.from2DArray(c);
    }

    private static double[] values(Matrix column) {
        double[] out = new double[column.rows()];
        for (int i = 0; i < out.length; i++) {
            out[i] = column.get(i, 0);
        }
        return out;
    }
}
