package mnistshell.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import mnistshell.nn.FastKernel;
import mnistshell.nn.Gradients;
import mnistshell.nn.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A tensor large enough to be cut by rows over the kernel's threads gets the very bits, weights
 * and state, that the uncut update gives, for every rule, over several updates, with weight decay.
 */
class OptimizerSharesTest {

    static List<String> rules() {
        return Optimizers.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void cutOverThreadsTheUpdateIsTheSameBits(String rule) {
        int rows = 131;
        int cols = 257; // 33,667 entries: past Optimizer.SHARED, and 131 rows cut unevenly over 3 threads
        assertTrue((long) rows * cols >= Optimizer.SHARED);
        List<Tensor> plain = tensors(rows, cols);
        List<Tensor> shared = tensors(rows, cols);
        Optimizer a = new Optimizer(Optimizers.named(rule), plain);
        Optimizer b = new Optimizer(Optimizers.named(rule), shared);
        Settings s = OptimizerTest.settings("l2", "0.001");
        Random r = new Random(5);
        try (FastKernel threads = new FastKernel(3)) {
            for (int update = 0; update < 3; update++) {
                double[][] gw = new double[rows][cols];
                double[][] gb = new double[rows][1];
                for (double[] row : gw) {
                    for (int j = 0; j < cols; j++) {
                        row[j] = r.nextGaussian();
                    }
                }
                for (double[] row : gb) {
                    row[0] = r.nextGaussian();
                }
                Gradients g = new Gradients(new double[][][] {gw}, new double[][][] {gb}, 1.0, 0);
                a.update(plain, g, 0.01, s);
                b.update(shared, g, 0.01, s, threads);
            }
        }
        for (int k = 0; k < plain.size(); k++) {
            assertSameBits(plain.get(k).values(), shared.get(k).values(), plain.get(k).name());
        }
        for (int k = 0; k < a.state().size(); k++) {
            assertSameBits(a.state().get(k), b.state().get(k), "state " + k);
        }
    }

    static List<Tensor> tensors(int rows, int cols) {
        Random r = new Random(3);
        double[][] w = new double[rows][cols];
        double[][] b = new double[rows][1];
        for (double[] row : w) {
            for (int j = 0; j < cols; j++) {
                row[j] = r.nextGaussian();
            }
        }
        List<Tensor> all = new ArrayList<>();
        all.add(new Tensor("W1", w, true));
        all.add(new Tensor("b1", b, false));
        return all;
    }

    static void assertSameBits(double[][] expected, double[][] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            long[] e = java.util.Arrays.stream(expected[i]).mapToLong(Double::doubleToRawLongBits).toArray();
            long[] x = java.util.Arrays.stream(actual[i]).mapToLong(Double::doubleToRawLongBits).toArray();
            assertArrayEquals(e, x, what + " row " + i);
        }
    }
}
