package mnistshell.nn.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.la4j.Matrix;
import org.la4j.matrix.dense.Basic2DMatrix;

/** Inverted dropout: identity in evaluation, a mask that depends only on (seed, update, sample, unit). */
class DropoutTest {

    static final int UNITS = 200;
    static final double RATE = 0.25;

    private static Matrix randomBatch(int m, long seed) {
        Random random = new Random(seed);
        double[][] x = new double[UNITS][m];
        for (double[] row : x) {
            for (int j = 0; j < m; j++) {
                row[j] = random.nextDouble() + 0.5; // never 0, so a dropped unit shows as 0
            }
        }
        return Basic2DMatrix.from2DArray(x);
    }

    @Test
    void evaluationIsTheIdentityBothWays() {
        Dropout drop = new Dropout(Shape.flat(UNITS), RATE, 0);
        Matrix x = randomBatch(3, 1);
        assertSame(x, drop.forward(x, Pass.evaluation()));
        Matrix d = randomBatch(3, 2);
        assertSame(d, drop.backward(d));
    }

    @Test
    void trainingKeepsOrZeroesEachUnitAndScalesTheKeptOnes() {
        Dropout drop = new Dropout(Shape.flat(UNITS), RATE, 0);
        Matrix x = randomBatch(2, 3);
        Matrix y = drop.forward(x, Pass.training(7, 1, new int[] {40, 41}));
        for (int j = 0; j < 2; j++) {
            boolean[] keep = drop.mask(7, 1, 40 + j);
            for (int u = 0; u < UNITS; u++) {
                assertEquals(keep[u] ? x.get(u, j) / (1 - RATE) : 0, y.get(u, j), 1e-15, "unit " + u);
            }
        }
    }

    @Test
    void theMaskOfASampleIsTheSameWhateverBatchItIsIn() {
        Dropout drop = new Dropout(Shape.flat(UNITS), RATE, 0);
        Matrix x = randomBatch(3, 4);
        // sample 12 first in a batch of three, then alone: the same column of factors
        Matrix inBatch = drop.forward(x, Pass.training(7, 5, new int[] {12, 99, 3}));
        Matrix alone = drop.forward(column(x, 0), Pass.training(7, 5, new int[] {12}));
        for (int u = 0; u < UNITS; u++) {
            assertEquals(inBatch.get(u, 0), alone.get(u, 0), 0, "unit " + u);
        }
    }

    @Test
    void samplesUpdatesSeedsAndLayersGetDifferentMasks() {
        Dropout drop = new Dropout(Shape.flat(UNITS), RATE, 0);
        boolean[] base = drop.mask(7, 5, 12);
        assertArrayEquals(base, drop.mask(7, 5, 12));
        assertFalse(Arrays.equals(base, drop.mask(7, 5, 13)), "another sample");
        assertFalse(Arrays.equals(base, drop.mask(7, 6, 12)), "another update");
        assertFalse(Arrays.equals(base, drop.mask(8, 5, 12)), "another seed");
        assertFalse(Arrays.equals(base, new Dropout(Shape.flat(UNITS), RATE, 3).mask(7, 5, 12)), "another layer");
    }

    @Test
    void aLeadingInputSizeLeavesTheMasksAsTheyAre() {
        // the same network written two ways: its dropout layer is second either way
        Shape in = Shape.image(28, 28);
        Dropout bare = (Dropout) LayerSpec.parse("conv8k5-drop0.5-10", in, 10, null).layers().get(1);
        Dropout withInput = (Dropout) LayerSpec.parse("784-conv8k5-drop0.5-10", in, 10, null).layers().get(1);
        assertArrayEquals(bare.mask(1, 1, 1), withInput.mask(1, 1, 1));
    }

    @Test
    void theKeepRateIsNearOneMinusTheRate() {
        Dropout drop = new Dropout(Shape.flat(UNITS), RATE, 0);
        int kept = 0;
        int samples = 500;
        for (int s = 0; s < samples; s++) {
            for (boolean k : drop.mask(11, 1, s)) {
                kept += k ? 1 : 0;
            }
        }
        // 100000 Bernoulli(0.75) draws: standard deviation sqrt(n p (1-p)) / n = 0.0014; allow 4 of them
        double rate = (double) kept / (samples * UNITS);
        assertEquals(1 - RATE, rate, 0.0055, "keep rate " + rate);
    }

    @Test
    void backwardUsesTheForwardsMask() {
        Dropout drop = new Dropout(Shape.flat(UNITS), RATE, 0);
        drop.forward(randomBatch(2, 5), Pass.training(3, 9, new int[] {0, 1}));
        Matrix d = randomBatch(2, 6);
        Matrix dx = drop.backward(d);
        for (int j = 0; j < 2; j++) {
            boolean[] keep = drop.mask(3, 9, j);
            for (int u = 0; u < UNITS; u++) {
                assertEquals(keep[u] ? d.get(u, j) / (1 - RATE) : 0, dx.get(u, j), 1e-15);
            }
        }
        int zeros = 0;
        for (int u = 0; u < UNITS; u++) {
            zeros += dx.get(u, 0) == 0 ? 1 : 0;
        }
        assertTrue(zeros > 0 && zeros < UNITS, zeros + " of " + UNITS + " units dropped");
    }

    private static Matrix column(Matrix x, int j) {
        double[][] out = new double[x.rows()][1];
        for (int i = 0; i < x.rows(); i++) {
            out[i][0] = x.get(i, j);
        }
        return Basic2DMatrix.from2DArray(out);
    }

    @Test
    void theFactorsAreSplittableRandomsDrawsFromTheSamplesKey() {
        // the inline draws must be the generator's own: masks drawn before they were inlined stay
        Dropout drop = new Dropout(Shape.flat(UNITS), RATE, 2);
        double[] factors = new double[UNITS + 3];
        for (int sample : new int[] {0, 1, 77, 9999}) {
            drop.factors(7, 3, sample, factors, 3);
            SplittableRandom random = new SplittableRandom(drop.key(7, 3, sample));
            for (int u = 0; u < UNITS; u++) {
                double expected = random.nextDouble() < RATE ? 0 : 1 / (1 - RATE);
                assertEquals(expected, factors[3 + u], 0, "sample " + sample + " unit " + u);
            }
        }
    }
}
