package mnistshell.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.la4j.Matrix;
import org.la4j.matrix.dense.Basic2DMatrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every gradient of the reference backward pass against centred finite differences of the loss. */
class GradientCheckTest {

    static final double H = 1e-4;

    /** Every activation on nets of one and three hidden layers (and two, for good measure). */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "6-5-3, leaky-relu", "6-5-4-3, leaky-relu", "7-4-4-4-5, leaky-relu",
        "6-5-3, relu", "7-4-4-4-5, relu",
        "6-5-3, sigmoid", "7-4-4-4-5, sigmoid",
        "6-5-3, tanh", "7-4-4-4-5, tanh"})
    void backwardEqualsFiniteDifferences(String spec, String activation) {
        int[] sizes = java.util.Arrays.stream(spec.split("-")).mapToInt(Integer::parseInt).toArray();
        // A larger leak than the seed's keeps gradients through several layers far above rounding
        // noise, while still exercising both branches of the derivative.
        Network net = Network.create(sizes, Activation.named(activation, 0.2), Init.XAVIER, 5);
        Random random = new Random(9);
        int m = 7;
        double[][] xs = new double[sizes[0]][m];
        for (double[] row : xs) {
            for (int j = 0; j < m; j++) {
                row[j] = random.nextDouble();
            }
        }
        for (int l = 0; l < net.layers(); l++) { // non-zero biases, so their gradients are exercised too
            for (int i = 0; i < net.biases(l).rows(); i++) {
                net.biases(l).set(i, 0, random.nextGaussian() * 0.1);
            }
        }
        Matrix x = Basic2DMatrix.from2DArray(xs);
        int[] labels = random.ints(m, 0, sizes[sizes.length - 1]).toArray();

        Gradients g = net.backward(net.forward(x), labels);

        for (int l = 0; l < net.layers(); l++) {
            check("dW" + (l + 1), net.weights(l), g.dW(l), net, x, labels);
            check("db" + (l + 1), net.biases(l), g.db(l), net, x, labels);
        }
    }

    private static void check(String name, Matrix param, Matrix grad, Network net, Matrix x, int[] labels) {
        double worst = 0;
        for (int i = 0; i < param.rows(); i++) {
            for (int j = 0; j < param.columns(); j++) {
                double keep = param.get(i, j);
                param.set(i, j, keep + H);
                double up = loss(net, x, labels);
                param.set(i, j, keep - H);
                double down = loss(net, x, labels);
                param.set(i, j, keep);
                double numeric = (up - down) / (2 * H);
                double analytic = grad.get(i, j);
                double err = Math.abs(numeric - analytic) / Math.max(1e-8, Math.abs(numeric) + Math.abs(analytic));
                worst = Math.max(worst, err);
            }
        }
        assertTrue(worst < 1e-6, name + ": worst relative error " + worst);
    }

    private static double loss(Network net, Matrix x, int[] labels) {
        return Network.loss(net.forward(x).z()[net.layers()], labels);
    }
}
