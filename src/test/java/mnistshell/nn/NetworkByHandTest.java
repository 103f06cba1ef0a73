package mnistshell.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.la4j.Matrix;
import org.la4j.matrix.dense.Basic2DMatrix;
import org.junit.jupiter.api.Test;

/**
 * A 4-3-2 network on two samples, worked out by hand: every expected number below follows from the
 * chosen weights by the arithmetic written beside it, not from running the code under test.
 */
class NetworkByHandTest {

    static final double SLOPE = 0.01;
    static final double TOL = 1e-12;

    // Sample A = (1, 0, 0.5, 0), label 0; sample B = (0, 1, 0, 1), label 1. Columns are samples.
    final Matrix x = Basic2DMatrix.from2DArray(new double[][] {{1, 0}, {0, 1}, {0.5, 0}, {0, 1}});
    final int[] labels = {0, 1};

    Network net() {
        double[][] w1 = {{1, 0, 2, 0}, {0, -1, 0, 1}, {-1, 0, 0, 0}};
        double[][] b1 = {{0.5}, {-0.5}, {0}};
        double[][] w2 = {{1, 2, 0}, {0, 1, -1}};
        double[][] b2 = {{0}, {0.1}};
        return Network.of(new Activation.LeakyRelu(SLOPE), new double[][][] {w1, w2}, new double[][][] {b1, b2});
    }

    // Layer 1: z1A = (1 + 1 + 0.5, 0 - 0.5, -1) = (2.5, -0.5, -1); z1B = (0 + 0.5, -1 + 1 - 0.5, 0) = (0.5, -0.5, 0)
    // Leaky ReLU:  a1A = (2.5, -0.005, -0.01);  a1B = (0.5, -0.005, 0)
    // Layer 2: z2A = (2.5 - 0.01, -0.005 + 0.01 + 0.1) = (2.49, 0.105); z2B = (0.5 - 0.01, -0.005 + 0.1) = (0.49, 0.095)
    static final double[] A1A = {2.5, -0.005, -0.01};
    static final double[] A1B = {0.5, -0.005, 0};
    static final double[] XA = {1, 0, 0.5, 0};
    static final double[] XB = {0, 1, 0, 1};
    static final double PA0 = 1 / (1 + Math.exp(0.105 - 2.49));
    static final double PB0 = 1 / (1 + Math.exp(0.095 - 0.49));

    @Test
    void forwardMatchesHandArithmetic() {
        Network.Pass pass = net().forward(x);
        double[][] z1 = {{2.5, 0.5}, {-0.5, -0.5}, {-1, 0}};
        double[][] z2 = {{2.49, 0.49}, {0.105, 0.095}};
        assertMatrix(z1, pass.z()[1]);
        assertMatrix(new double[][] {{2.5, 0.5}, {-0.005, -0.005}, {-0.01, 0}}, pass.a()[1]);
        assertMatrix(z2, pass.z()[2]);
        assertMatrix(new double[][] {{PA0, PB0}, {1 - PA0, 1 - PB0}}, pass.probabilities());
    }

    @Test
    void gradientsMatchHandArithmetic() {
        Network net = net();
        Gradients g = net.backward(net.forward(x), labels);

        // dZ2 = P - onehot: A has label 0, B label 1
        double[] dz2A = {PA0 - 1, 1 - PA0};
        double[] dz2B = {PB0, (1 - PB0) - 1};
        double[][] dW2 = new double[2][3];
        for (int k = 0; k < 2; k++) {
            for (int j = 0; j < 3; j++) {
                dW2[k][j] = (dz2A[k] * A1A[j] + dz2B[k] * A1B[j]) / 2;
            }
        }
        // per-unit bias gradient: each unit's dZ2 summed over the two samples, over m = 2
        double[][] db2 = {{(dz2A[0] + dz2B[0]) / 2}, {(dz2A[1] + dz2B[1]) / 2}};
        // dZ1 = W2^T dZ2 * lrelu'(z1); z1A = (2.5, -0.5, -1) -> slopes (1, .01, .01); z1B = (0.5, -0.5, 0) -> (1, .01, .01)
        double[] dz1A = {(1 * dz2A[0] + 0 * dz2A[1]) * 1, (2 * dz2A[0] + 1 * dz2A[1]) * SLOPE, (0 * dz2A[0] - 1 * dz2A[1]) * SLOPE};
        double[] dz1B = {(1 * dz2B[0] + 0 * dz2B[1]) * 1, (2 * dz2B[0] + 1 * dz2B[1]) * SLOPE, (0 * dz2B[0] - 1 * dz2B[1]) * SLOPE};
        double[][] dW1 = new double[3][4];
        for (int j = 0; j < 3; j++) {
            for (int p = 0; p < 4; p++) {
                dW1[j][p] = (dz1A[j] * XA[p] + dz1B[j] * XB[p]) / 2;
            }
        }
        double[][] db1 = {{(dz1A[0] + dz1B[0]) / 2}, {(dz1A[1] + dz1B[1]) / 2}, {(dz1A[2] + dz1B[2]) / 2}};

        assertMatrix(dW2, g.dW(1));
        assertMatrix(db2, g.db(1));
        assertMatrix(dW1, g.dW(0));
        assertMatrix(db1, g.db(0));
        assertEquals((-Math.log(PA0) - Math.log(1 - PB0)) / 2, g.loss(), TOL);
    }

    @Test
    void oneDescentStepMovesEachParameterAgainstItsGradient() {
        Network net = net();
        Gradients g = net.backward(net.forward(x), labels);
        double w2Before = net.weights(1).get(0, 0);
        double b1Before = net.biases(0).get(1, 0);

        net.descend(g, 0.1);

        // dW2[0][0] = ((PA0 - 1) * 2.5 + PB0 * 0.5) / 2, by hand as above
        assertEquals(w2Before - 0.1 * ((PA0 - 1) * 2.5 + PB0 * 0.5) / 2, net.weights(1).get(0, 0), TOL);
        double dz1A1 = (2 * (PA0 - 1) + (1 - PA0)) * SLOPE;
        double dz1B1 = (2 * PB0 + (-PB0)) * SLOPE;
        assertEquals(b1Before - 0.1 * (dz1A1 + dz1B1) / 2, net.biases(0).get(1, 0), TOL);
    }

    @Test
    void outputBiasGradientIsPerUnitAndNotTheSeedsVanishingScalar() {
        Network net = net();
        Gradients g = net.backward(net.forward(x), labels);
        // The seed's np.sum(dZ2)/m adds both units' entries: it is 0 for any input.
        double seedScalar = (g.db(1).get(0, 0) + g.db(1).get(1, 0));
        assertEquals(0, seedScalar, 1e-15);
        // The exact gradient is not zero for either unit here.
        assertEquals((PA0 - 1 + PB0) / 2, g.db(1).get(0, 0), TOL);
    }

    @Test
    void seedBiasModeGivesOneScalarPerLayerSummedOverEveryElement() {
        Network net = net();
        Gradients g = net.backward(net.forward(x), labels, BiasGrad.SEED);
        // db2: all four entries of dZ2 added, over m = 2: (PA0 - 1) + (1 - PA0) + PB0 + (-PB0) = 0
        assertEquals(0, g.db(1).get(0, 0), 1e-15);
        assertEquals(0, g.db(1).get(1, 0), 1e-15);
        // db1: all six entries of dZ1 added, over 2, the same value for each of the three units
        double dz2A0 = PA0 - 1, dz2A1 = 1 - PA0, dz2B0 = PB0, dz2B1 = -PB0;
        double sumA = dz2A0 + (2 * dz2A0 + dz2A1) * SLOPE + (-dz2A1) * SLOPE;
        double sumB = dz2B0 + (2 * dz2B0 + dz2B1) * SLOPE + (-dz2B1) * SLOPE;
        for (int unit = 0; unit < 3; unit++) {
            assertEquals((sumA + sumB) / 2, g.db(0).get(unit, 0), TOL);
        }
        // the weight gradients do not depend on the bias mode
        assertMatrix(net.backward(net.forward(x), labels).dW(0), g.dW(0));
    }

    static void assertMatrix(Matrix expected, Matrix actual) {
        double[][] e = new double[expected.rows()][expected.columns()];
        for (int i = 0; i < e.length; i++) {
            for (int j = 0; j < e[0].length; j++) {
                e[i][j] = expected.get(i, j);
            }
        }
        assertMatrix(e, actual);
    }

    static void assertMatrix(double[][] expected, Matrix actual) {
        assertEquals(expected.length, actual.rows(), "rows");
        assertEquals(expected[0].length, actual.columns(), "columns");
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[0].length; j++) {
                assertEquals(expected[i][j], actual.get(i, j), TOL, "entry (" + i + "," + j + ")");
            }
        }
    }
}
