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
        int[] pixels = {0, 7, x.length / 2, x.length / 2 + 3, x.length - 1};
        for (int p : pixels) {
            double keep = x[p];
            x[p] = keep + H;
            double up = probability(net, x, one.predicted());
            x[p] = keep - H;
            double down = probability(net, x, one.predicted());
            x[p] = keep;
            double numeric = (up - down) / (2 * H);
            double analytic = one.saliency()[p];
            assertTrue(Math.abs(numeric - analytic) <= 1e-6 * Math.max(1e-6, Math.abs(numeric) + Math.abs(analytic)),
                    "pixel " + p + ": analytic " + analytic + ", numeric " + numeric);
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
}
