package mnistshell.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import mnistshell.data.Dataset;
import org.la4j.Matrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fast kernel against the la4j reference, tensor by tensor, and against itself across thread counts. */
class FastKernelTest {

    /** 1,301 images: several chunks, and a last block that is not full. */
    static final Dataset DATA = TestData.random(1301, 28, 28, 3);

    @ParameterizedTest(name = "{0} on {1} threads")
    @CsvSource({"784-10-10, 1", "784-10-10, 2", "784-10-10, 3", "784-12-8-6-10, 1", "784-12-8-6-10, 2", "784-12-8-6-10, 3"})
    void gradientsEqualTheReference(String spec, int threads) {
        Network net = network(spec);
        int[] all = TestData.range(DATA.size());
        Gradients expected = Trainer.gradients(net, DATA, all);
        try (FastKernel kernel = new FastKernel(threads)) {
            Gradients actual = kernel.gradients(net, DATA, all);
            for (int l = 0; l < net.layers(); l++) {
                assertClose("dW" + (l + 1), expected.dW()[l], actual.dW()[l]);
                assertClose("db" + (l + 1), expected.db()[l], actual.db()[l]);
            }
            assertEquals(expected.loss(), actual.loss(), 1e-12);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"784-10-10", "784-12-8-6-10"})
    void rawUnnormalisedPixelsGiveTheReferenceGradientsToo(String spec) {
        Network net = network(spec);
        Dataset raw = DATA.withNormalized(false);
        int[] some = TestData.range(600);
        Gradients expected = Trainer.gradients(net, raw, some);
        try (FastKernel kernel = new FastKernel(2)) {
            Gradients actual = kernel.gradients(net, raw, some);
            for (int l = 0; l < net.layers(); l++) {
                assertClose("dW" + (l + 1), expected.dW()[l], actual.dW()[l]);
                assertClose("db" + (l + 1), expected.db()[l], actual.db()[l]);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"784-10-10", "784-12-8-6-10"})
    void resultsAreBitIdenticalOnAnyThreadCount(String spec) {
        Network net = network(spec);
        int[] all = TestData.range(DATA.size());
        Gradients one;
        try (FastKernel kernel = new FastKernel(1)) {
            one = kernel.gradients(net, DATA, all);
        }
        for (int threads = 2; threads <= 3; threads++) {
            try (FastKernel kernel = new FastKernel(threads)) {
                Gradients many = kernel.gradients(net, DATA, all);
                for (int l = 0; l < net.layers(); l++) {
                    assertArrayEquals(one.dW()[l].toBinary(), many.dW()[l].toBinary(), "dW" + (l + 1) + " on " + threads);
                    assertArrayEquals(one.db()[l].toBinary(), many.db()[l].toBinary(), "db" + (l + 1) + " on " + threads);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"784-10-10", "784-12-8-6-10"})
    void evaluationEqualsTheReference(String spec) {
        Network net = network(spec);
        int[] some = TestData.range(777);
        Evaluation expected = Trainer.evaluate(net, DATA, some);
        try (FastKernel kernel = new FastKernel(2)) {
            Evaluation actual = kernel.evaluate(net, DATA, some);
            assertArrayEquals(expected.predictions(), actual.predictions());
            assertEquals(expected.correct(), actual.correct());
            assertEquals(expected.loss(), actual.loss(), 1e-12);
        }
    }

    private static Network network(String spec) {
        int[] sizes = java.util.Arrays.stream(spec.split("-")).mapToInt(Integer::parseInt).toArray();
        Network net = Network.he(sizes, Activation.LeakyRelu.SEED, 11);
        for (int l = 0; l < net.layers(); l++) {
            for (int i = 0; i < net.biases(l).rows(); i++) {
                net.biases(l).set(i, 0, 0.05 * (i % 3 - 1));
            }
        }
        return net;
    }

    /** Equal within 1e-9 of the largest entry; names the tensor and the worst entry when not. */
    static void assertClose(String name, Matrix expected, Matrix actual) {
        double scale = 0;
        double worst = 0;
        String where = "";
        for (int i = 0; i < expected.rows(); i++) {
            for (int j = 0; j < expected.columns(); j++) {
                scale = Math.max(scale, Math.abs(expected.get(i, j)));
                double d = Math.abs(expected.get(i, j) - actual.get(i, j));
                if (d > worst) {
                    worst = d;
                    where = "(" + i + "," + j + ")";
                }
            }
        }
        assertTrue(worst <= 1e-9 * scale, name + " differs by " + worst + " at " + where + ", largest entry " + scale);
    }
}
