package mnistshell.nn.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import mnistshell.nn.Activation;
import mnistshell.nn.Init;
import mnistshell.nn.Tensor;
import org.junit.jupiter.api.Test;
import org.la4j.Matrix;
import org.la4j.matrix.dense.Basic2DMatrix;

/** The stack as a whole: the issue's net on MNIST-sized images, its draws, its refusals. */
class SequentialTest {

    @Test
    void theIssuesNetRunsOnTwoMnistImages() {
        Sequential net = LayerSpec.parse("conv8k5-pool2-conv16k5-pool2-64-10", Shape.image(28, 28), 10,
                Activation.LeakyRelu.SEED);
        net.initialise(Init.HE, 2);
        Random random = new Random(1);
        double[][] x = new double[784][2];
        for (double[] row : x) {
            row[0] = random.nextDouble();
            row[1] = random.nextDouble();
        }
        Sequential.Outcome outcome = net.backward(Basic2DMatrix.from2DArray(x), new int[] {3, 7}, Pass.evaluation());
        Matrix p = outcome.probabilities();
        assertEquals(10, p.rows());
        for (int j = 0; j < 2; j++) {
            double sum = 0;
            for (int i = 0; i < 10; i++) {
                sum += p.get(i, j);
            }
            assertEquals(1, sum, 1e-12, "column " + j);
        }
        assertTrue(Double.isFinite(outcome.loss()) && outcome.loss() > 0);
        long count = 0;
        for (Param param : net.params()) {
            assertTrue(Tensor.allFinite(param.gradient()), "d" + param.name());
            count += param.size();
        }
        assertEquals(net.parameterCount(), count, "the counted parameters are the made ones");
        assertEquals(784, outcome.dInput().rows());
    }

    @Test
    void heScalesAFiltersWeightsByItsFanIn() {
        // conv16k5 over 8 channels: fan-in 8 * 25 = 200, so W2 ~ N(0, 2 / 200); 3200 draws
        Sequential net = LayerSpec.parse("conv8k5-conv16k5-10", Shape.image(28, 28), 10, Activation.LeakyRelu.SEED);
        net.initialise(Init.HE, 5);
        double[][] w2 = net.params().get(2).values();
        double squares = 0;
        for (double[] row : w2) {
            for (double v : row) {
                squares += v * v;
            }
        }
        double variance = squares / (16 * 200);
        // the variance of 3200 normal draws is within 10% of the truth (about 4 standard errors)
        assertEquals(2.0 / 200, variance, 0.1 * 2.0 / 200, "variance " + variance);
        for (double[] b : net.params().get(3).values()) {
            assertEquals(0, b[0], "He biases start at 0");
        }
    }

    @Test
    void layersThatDoNotChainAreRefused() {
        Shape in = Shape.image(6, 6);
        Conv conv = new Conv(in, 2, 3, Padding.VALID, null);
        Dense dense = new Dense(Shape.flat(50), 10, null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Sequential(in, List.of(conv, dense)));
        assertEquals("10 takes 50, given 2x4x4", e.getMessage());
    }
}
