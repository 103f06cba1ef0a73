package mnistshell.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import mnistshell.nn.Activation;
import mnistshell.nn.Init;
import mnistshell.nn.Network;
import org.junit.jupiter.api.Test;

/** One image inside a network: the saliency against finite differences of the probability. */
class OneImageTest {

    static final double H = 1e-5;

    static double probability(Network net, double[] x, int c) {
        double[][] column = new double[x.length][1];
        for (int i = 0; i < x.length; i++) {
            column[i][0] = x[i];
        }
        return net.forward(org.la4j.matrix.dense.Basic2DMatrix.from2DArray(column)).probabilities().get(c, 0);
    }

    static double[] image(int n, long seed) {
        Random r = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextDouble() < 0.2 ? r.nextDouble() : 0;
        }
        return x;
    }

    void saliencyMatchesFiniteDifferences(Network net, double[] x) {
        OneImage one = OneImage.of(net, x);
        assertEquals(probability(net, x, one.predicted()), one.probability(), 1e-15);
        assertFiniteDifferences(one, x, new int[] {0, 7, x.length / 2, x.length / 2 + 3, x.length - 1},
                v -> probability(net, v, one.predicted()), "");
    }

    /** one's saliency at {@code pixels} against central differences of {@code probability} around x. */
    static void assertFiniteDifferences(OneImage one, double[] x, int[] pixels,
                                        java.util.function.ToDoubleFunction<double[]> probability, String what) {
        for (int p : pixels) {
            double keep = x[p];
            x[p] = keep + H;
            double up = probability.applyAsDouble(x);
            x[p] = keep - H;
            double down = probability.applyAsDouble(x);
            x[p] = keep;
            double numeric = (up - down) / (2 * H);
            double analytic = one.saliency()[p];
            assertTrue(Math.abs(numeric - analytic) <= 1e-6 * Math.max(1e-6, Math.abs(numeric) + Math.abs(analytic)),
                    what + "pixel " + p + ": analytic " + analytic + ", numeric " + numeric);
        }
    }

    @Test
    void saliencyOfTheSeedShapedNetwork() {
        // tanh is smooth: no kink of a ReLU falls between x - h and x + h
        Network net = Network.create(new int[] {784, 10, 10}, new Activation.Tanh(), Init.HE, 3);
        saliencyMatchesFiniteDifferences(net, image(784, 1));
    }

    @Test
    void saliencyThroughTwoSigmoidLayers() {
        Network net = Network.create(new int[] {50, 8, 6, 10}, new Activation.Sigmoid(), Init.XAVIER, 4);
        saliencyMatchesFiniteDifferences(net, image(50, 2));
    }

    @Test
    void saliencyThroughLeakyReluAwayFromItsKink() {
        Network net = Network.create(new int[] {30, 12, 10}, Activation.LeakyRelu.SEED, Init.HE, 5);
        saliencyMatchesFiniteDifferences(net, image(30, 3));
    }

    @Test
    void theLastHiddenLayersContributionsAreItsTermsOfThePredictedLogit() {
        Network net = Network.create(new int[] {20, 5, 4, 10}, Activation.LeakyRelu.SEED, Init.HE, 6);
        double[] x = image(20, 4);
        OneImage one = OneImage.of(net, x);
        int c = one.predicted();
        double[] a = one.activations()[1];
        for (int u = 0; u < a.length; u++) {
            assertEquals(net.weights(2).get(c, u) * a[u], one.contribution()[1][u], 1e-15);
        }
        int top = one.topUnits(1, 1)[0];
        for (double v : one.contribution()[1]) {
            assertTrue(v <= one.contribution()[1][top]);
        }
        assertEquals(5, one.activations()[0].length);
    }

    /** p_c of x through a layered network, dropout off. */
    static double layeredProbability(Network net, double[] x, int c) {
        double[][] column = new double[x.length][1];
        for (int i = 0; i < x.length; i++) {
            column[i][0] = x[i];
        }
        return net.sequential().probabilities(org.la4j.matrix.dense.Basic2DMatrix.from2DArray(column),
                mnistshell.nn.layer.Pass.evaluation()).get(c, 0);
    }

    /**
     * A conv network's saliency against finite differences of its probability, at pixels spread
     * over the image and at the largest ones; the network's own gradients left as they were.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"conv4k5-pool2-conv6k3-pool2-16-10",
        "conv3k3same-drop0.25-pool2-12-10", "conv2k28-10", "conv5k3-20-conv2k1-10"})
    void aConvNetworksSaliencyMatchesFiniteDifferences(String spec) {
        Activation act = new Activation.Tanh(); // smooth; max pooling's ties are not met on random pixels
        mnistshell.nn.layer.Sequential seq = mnistshell.nn.layer.LayerSpec.parse(spec,
                mnistshell.nn.layer.Shape.image(28, 28), 10, act);
        Network net = Network.layered(seq, act, Init.HE, 9);
        double[] x = image(784, 5);
        for (int i = 0; i < x.length; i++) {
            x[i] += 0.01 * ((i * 7919) % 13); // no pixel exactly at a neighbour's value
        }
        java.util.List<mnistshell.nn.layer.Param> params = seq.params();
        double[][] before = params.get(0).gradient().clone();
        for (int r = 0; r < before.length; r++) {
            before[r] = before[r].clone();
        }
        OneImage one = OneImage.saliency(net, x);
        assertEquals(layeredProbability(net, x, one.predicted()), one.probability(), 1e-15);
        assertEquals(784, one.saliency().length);
        int largest = 0;
        for (int p = 0; p < 784; p++) {
            largest = Math.abs(one.saliency()[p]) > Math.abs(one.saliency()[largest]) ? p : largest;
        }
        assertFiniteDifferences(one, x, new int[] {0, 29, 300, 406, 555, 783, largest},
                v -> layeredProbability(net, v, one.predicted()), spec + " ");
        assertTrue(Math.abs(one.saliency()[largest]) > 0, "some pixel moves the probability");
        for (int r = 0; r < before.length; r++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(before[r], params.get(0).gradient()[r], 0,
                    "the network's own gradients");
        }
    }

    /** A dense network's saliency the layered way, through its stack of layers, is the dense way's. */
    @Test
    void aDenseStacksSaliencyIsTheDenseNetworks() {
        Network net = Network.create(new int[] {784, 12, 7, 10}, Activation.LeakyRelu.SEED, Init.HE, 8);
        double[] x = image(784, 6);
        OneImage dense = OneImage.of(net, x);
        Network stack = Network.layered(net.asStack(mnistshell.nn.layer.Shape.image(28, 28)), Activation.LeakyRelu.SEED);
        OneImage layered = OneImage.saliency(stack, x);
        assertEquals(dense.predicted(), layered.predicted());
        assertEquals(dense.probability(), layered.probability(), 1e-15);
        double scale = 0;
        for (double v : dense.saliency()) {
            scale = Math.max(scale, Math.abs(v));
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(dense.saliency(), layered.saliency(), 1e-12 * scale);
    }
}
