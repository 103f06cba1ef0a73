package mnistshell.nn.layer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import mnistshell.nn.Activation;
import mnistshell.nn.Init;
import mnistshell.nn.Network;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.la4j.Matrix;
import org.la4j.matrix.dense.Basic2DMatrix;

/**
 * Every parameter's gradient and the input's, from {@link Sequential#backward}, against centred
 * finite differences of the mean cross-entropy: an oracle that knows nothing of the layers' code.
 */
class LayerGradientCheckTest {

    static final double H = 1e-5;
    static final int M = 3;

    @ParameterizedTest(name = "{0} over {1}x{2}x{2}, {3}")
    @CsvSource({
        "conv2k3-pool2-10, 1, 6, leaky-relu",
        "conv2k3-pool2-10, 1, 6, tanh",
        "conv3k3same-pool2-conv2k2-drop0.3-5-4, 2, 6, leaky-relu",
        "conv2k2same-pool2-drop0.5-conv3k2same-6-3, 2, 5, tanh",
    })
    void backwardEqualsFiniteDifferences(String spec, int channels, int side, String activation) {
        Shape in = new Shape(channels, side, side);
        Random random = new Random(17);
        Sequential tiny = LayerSpec.parse(spec, in, Integer.parseInt(spec.substring(spec.lastIndexOf('-') + 1)),
                Activation.named(activation, 0.2));
        tiny.initialise(Init.XAVIER, 3);
        for (Param p : tiny.params()) {
            if (!p.weight()) { // non-zero biases, so their gradients are exercised too
                for (double[] row : p.values()) {
                    row[0] = random.nextGaussian() * 0.1;
                }
            }
        }
        double[][] xs = new double[in.size()][M];
        for (double[] row : xs) {
            for (int j = 0; j < M; j++) {
                row[j] = random.nextDouble();
            }
        }
        Matrix x = Basic2DMatrix.from2DArray(xs);
        int[] labels = random.ints(M, 0, tiny.classes()).toArray();
        // dropout in training, with its mask fixed by (seed, update, sample) for every evaluation below
        Pass pass = Pass.training(5, 1, new int[] {4, 8, 15});

        Sequential.Outcome outcome = tiny.backward(x, labels, pass);

        for (Param p : tiny.params()) {
            check("d" + p.name(), p.values(), copy(p.gradient()), tiny, x, labels, pass, 1);
        }
        // dX holds each sample's own gradient; the loss is the mean over M, hence the factor
        check("dX", xs, values(outcome.dInput()), tiny, x, labels, pass, M);
    }

    /** Perturbs each entry of {@code param} (live storage) by ±H and compares with scale * grad. */
    private static void check(String name, double[][] param, double[][] grad, Sequential net, Matrix x, int[] labels,
            Pass pass, double scale) {
        double worst = 0;
        for (int i = 0; i < param.length; i++) {
            for (int j = 0; j < param[i].length; j++) {
                double keep = param[i][j];
                param[i][j] = keep + H;
                double up = loss(net, x, labels, pass);
                param[i][j] = keep - H;
                double down = loss(net, x, labels, pass);
                param[i][j] = keep;
                double numeric = (up - down) / (2 * H) * scale;
                double analytic = grad[i][j];
                double err = Math.abs(numeric - analytic) / Math.max(1e-8, Math.abs(numeric) + Math.abs(analytic));
                worst = Math.max(worst, err);
            }
        }
        assertTrue(worst < 1e-6, name + ": worst relative error " + worst);
    }

    private static double loss(Sequential net, Matrix x, int[] labels, Pass pass) {
        return Network.loss(net.logits(x, pass), labels);
    }

    private static double[][] copy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }

    private static double[][] values(Matrix m) {
        double[][] out = new double[m.rows()][m.columns()];
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.columns(); j++) {
                out[i][j] = m.get(i, j);
            }
        }
        return out;
    }
}
