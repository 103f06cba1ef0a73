package mnistshell.nn.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import mnistshell.nn.Activation;
import mnistshell.nn.BiasGrad;
import mnistshell.nn.Gradients;
import mnistshell.nn.Init;
import mnistshell.nn.Network;
import mnistshell.nn.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.la4j.Matrix;
import org.la4j.matrix.dense.Basic2DMatrix;

/**
 * A stack of {@link Dense} layers is the reference {@code Network}: on the same weights, the same
 * probabilities, loss and gradients to the bit, in both bias-gradient modes; and from the same
 * seed, the same weights, under the same names.
 */
class DenseEqualsNetworkTest {

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({
        "6-5-3, leaky-relu, exact", "6-5-4-3, leaky-relu, exact", "6-5-4-3, leaky-relu, seed",
        "7-4-4-4-5, tanh, exact", "7-4-4-4-5, sigmoid, seed", "8-6-3, relu, exact"})
    void sameForwardAndGradientsBitForBit(String spec, String act, String bias) {
        int[] sizes = java.util.Arrays.stream(spec.split("-")).mapToInt(Integer::parseInt).toArray();
        Activation hidden = Activation.named(act, 0.01);
        Network net = Network.create(sizes, hidden, Init.XAVIER, 4);
        Random random = new Random(6);
        for (int l = 0; l < net.layers(); l++) {
            for (int i = 0; i < net.biases(l).rows(); i++) {
                net.biases(l).set(i, 0, random.nextGaussian() * 0.1);
            }
        }
        Sequential stack = LayerSpec.parse(spec, Shape.flat(sizes[0]), sizes[sizes.length - 1], hidden);
        List<Tensor> theirs = net.tensors();
        List<Param> ours = stack.params();
        assertEquals(theirs.size(), ours.size());
        for (int t = 0; t < ours.size(); t++) { // copy Network's weights in: the same numbers, separate storage
            Samples.set(ours.get(t), theirs.get(t).values());
        }
        int m = 9;
        double[][] xs = new double[sizes[0]][m];
        for (double[] row : xs) {
            for (int j = 0; j < m; j++) {
                row[j] = random.nextDouble();
            }
        }
        Matrix x = Basic2DMatrix.from2DArray(xs);
        int[] labels = random.ints(m, 0, sizes[sizes.length - 1]).toArray();
        BiasGrad mode = BiasGrad.named(bias);

        Network.Pass pass = net.forward(x);
        Gradients expected = net.backward(pass, labels, mode);
        Sequential.Outcome outcome = stack.backward(x, labels, Pass.evaluation().withBiasGrad(mode));

        assertBits("probabilities", values(pass.probabilities()), values(outcome.probabilities()));
        assertEquals(expected.loss(), outcome.loss(), 0, "loss");
        assertEquals(expected.correct(), outcome.correct(), "correct");
        for (int l = 0; l < net.layers(); l++) {
            assertBits("dW" + (l + 1), expected.dW()[l], ours.get(2 * l).gradient());
            assertBits("db" + (l + 1), expected.db()[l], ours.get(2 * l + 1).gradient());
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"784-10-10, he", "784-64-32-10, he", "20-7-5, xavier", "20-7-5, uniform"})
    void theSameSeedDrawsNetworksWeightsUnderItsNames(String spec, String init) {
        int[] sizes = java.util.Arrays.stream(spec.split("-")).mapToInt(Integer::parseInt).toArray();
        Network net = Network.create(sizes, Activation.LeakyRelu.SEED, Init.named(init), 2);
        Sequential stack = LayerSpec.parse(spec, Shape.flat(sizes[0]), sizes[sizes.length - 1], Activation.LeakyRelu.SEED);
        stack.initialise(Init.named(init), 2);
        List<Tensor> theirs = net.tensors();
        List<Param> ours = stack.params();
        assertEquals(theirs.stream().map(Tensor::name).toList(), ours.stream().map(Param::name).toList());
        for (int t = 0; t < ours.size(); t++) {
            assertBits(ours.get(t).name(), theirs.get(t).values(), ours.get(t).values());
            assertEquals(theirs.get(t).weight(), ours.get(t).weight(), ours.get(t).name() + " decays");
        }
    }

    private static void assertBits(String name, double[][] expected, double[][] actual) {
        assertEquals(expected.length, actual.length, name + " rows");
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[i].length; j++) {
                assertEquals(Double.doubleToLongBits(expected[i][j]), Double.doubleToLongBits(actual[i][j]),
                        name + " (" + i + ", " + j + "): " + expected[i][j] + " against " + actual[i][j]);
            }
        }
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
