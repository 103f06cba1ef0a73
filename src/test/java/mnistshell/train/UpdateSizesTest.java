package mnistshell.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import mnistshell.nn.Engine;
import mnistshell.nn.FastKernel;
import mnistshell.nn.ReferenceEngine;
import org.junit.jupiter.api.Test;

/** An update's sums of squares (upd/w's), worked by hand, and the same bits however the rows are cut over threads. */
class UpdateSizesTest {

    @Test
    void aSmallTensorsSumsByHand() {
        double[][] before = {{1, 2, 3, 4, 5}, {0, 0, 0, 0, 0}};
        double[][] after = {{1, 2, 3, 4, 7}, {1, 0, 0, 0, -1}};
        double[] weights = new double[1];
        double[] step = new double[1];
        UpdateSizes.measure(after, before, weights, step, 0, new ReferenceEngine());
        assertEquals(1 + 4 + 9 + 16 + 49 + 1 + 1, weights[0], 0.0);
        assertEquals(4 + 1 + 1, step[0], 0.0);
    }

    /** A tensor large enough to be cut over threads (rows of odd lengths, not a multiple of four): bit for bit on 1, 2 and 3 threads, and near the plain sums. */
    @Test
    void theSameBitsOnAnyThreadCount() {
        Random random = new Random(3);
        double[][] before = new double[37][1001];
        double[][] after = new double[37][1001];
        double plainW = 0;
        double plainD = 0;
        for (int i = 0; i < before.length; i++) {
            for (int j = 0; j < before[i].length; j++) {
                before[i][j] = random.nextGaussian();
                after[i][j] = before[i][j] + 1e-3 * random.nextGaussian();
                plainW += after[i][j] * after[i][j];
                plainD += (after[i][j] - before[i][j]) * (after[i][j] - before[i][j]);
            }
        }
        double[] w1 = new double[1];
        double[] d1 = new double[1];
        UpdateSizes.measure(after, before, w1, d1, 0, new ReferenceEngine());
        assertEquals(plainW, w1[0], 1e-12 * plainW);
        assertEquals(plainD, d1[0], 1e-12 * plainD);
        for (int threads = 1; threads <= 3; threads++) {
            try (Engine fast = new FastKernel(threads)) {
                double[] w = new double[1];
                double[] d = new double[1];
                UpdateSizes.measure(after, before, w, d, 0, fast);
                assertEquals(Double.doubleToRawLongBits(w1[0]), Double.doubleToRawLongBits(w[0]), threads + " thread(s)");
                assertEquals(Double.doubleToRawLongBits(d1[0]), Double.doubleToRawLongBits(d[0]), threads + " thread(s)");
            }
        }
    }
}
