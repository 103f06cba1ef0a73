package mnistshell.inspect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import mnistshell.inspect.FeatureMaps.Stage;
import mnistshell.nn.Activation;
import mnistshell.nn.Init;
import mnistshell.nn.layer.Layer;
import mnistshell.nn.layer.LayerSpec;
import mnistshell.nn.layer.Pass;
import mnistshell.nn.layer.Sequential;
import mnistshell.nn.layer.Shape;
import org.junit.jupiter.api.Test;
import org.la4j.Matrix;
import org.la4j.matrix.dense.Basic2DMatrix;

/** One image layer by layer: by hand on the tiny net, against Sequential's own forward on the issue's. */
class FeatureMapsTest {

    @Test
    void everyStageOfTheTinyNetByHand() {
        FeatureMaps maps = FeatureMaps.of(TinyConvNet.of(new Activation.Relu()), TinyConvNet.X);
        assertEquals(4, maps.stages().size());
        Stage conv = maps.stages().get(0);
        assertEquals(2, conv.channels());
        assertEquals(3, conv.height());
        assertEquals(3, conv.width());
        // filter 0: -(window sum) - 0.5 < 0 everywhere, so 0 after ReLU
        assertArrayEquals(new double[9], conv.channel(0), 0);
        // filter 1: X(oy,ox) - X(oy,ox+1) + 2 X(oy+1,ox) + 0.5 = -0.5 4.5 5.5 / 3.5 -1.5 3.5 / 4.5 1.5 0.5, then ReLU
        assertArrayEquals(new double[] {0, 4.5, 5.5, 3.5, 0, 3.5, 4.5, 1.5, 0.5}, conv.channel(1), 1e-12);
        assertEquals(0, conv.min());
        assertEquals(5.5, conv.max(), 1e-12);
        // pooling 3x3 → 1x1 takes the top-left 2x2 window: max(0, 0, 0, 0), max(0, 4.5, 3.5, 0)
        Stage pool = maps.stages().get(1);
        assertArrayEquals(new double[] {0, 4.5}, pool.values(), 1e-12);
        // hidden: ReLU([1 1; 0 -1] [0 4.5] + [0 1]) = ReLU(4.5, -3.5)
        Stage hidden = maps.stages().get(2);
        assertTrue(hidden.dense());
        assertArrayEquals(new double[] {4.5, 0}, hidden.values(), 1e-12);
        // logits: [1 0; 0 1; -1 2] [4.5 0] = 4.5, 0, -4.5; class 0 wins
        Stage logits = maps.stages().get(3);
        assertArrayEquals(new double[] {4.5, 0, -4.5}, logits.values(), 1e-12);
        assertEquals(0, maps.predicted());
        double e = Math.exp(4.5);
        assertEquals(e / (e + 1 + 1 / e), maps.probability(), 1e-12);
        // contribution: a_u times d logit_0 / d a_u = W_out[0][u]: 4.5 * 1 and 0 * 0
        assertArrayEquals(new double[] {4.5, 0}, hidden.contribution(), 1e-12);
        assertNull(logits.contribution());
        assertNull(conv.contribution());
        assertFalse(conv.dense());
    }

    @Test
    void theShapesAreTheLayersOutShapesAndTheValuesSequentialsForward() {
        Sequential net = LayerSpec.parse("conv8k5-pool2-conv16k5-pool2-drop0.25-64-10", Shape.image(28, 28), 10,
                Activation.LeakyRelu.SEED);
        net.initialise(Init.HE, 2);
        double[] x = image(new Random(3));
        FeatureMaps maps = FeatureMaps.of(net, x);
        assertEquals(net.layers().size(), maps.stages().size());
        for (int l = 0; l < net.layers().size(); l++) {
            Layer layer = net.layers().get(l);
            Stage stage = maps.stages().get(l);
            Shape out = layer.out();
            assertEquals(out, new Shape(stage.channels(), stage.height(), stage.width()), "layer " + (l + 1));
            assertEquals(out.size(), stage.values().length);
        }
        // the last stage is the logits, to the bit, and the class is the most probable
        Matrix z = net.logits(column(x), Pass.evaluation());
        Matrix p = net.probabilities(column(x), Pass.evaluation());
        double[] logits = maps.stages().get(net.layers().size() - 1).values();
        int best = 0;
        for (int i = 0; i < 10; i++) {
            assertEquals(z.get(i, 0), logits[i], 0, "logit " + i);
            best = p.get(i, 0) > p.get(best, 0) ? i : best;
        }
        assertEquals(best, maps.predicted());
        assertEquals(p.get(best, 0), maps.probability(), 0);
        // the first convolution by its definition, a sum per position (no unfolding), and the
        // pooling after it as the largest of each 2x2 window of that
        double[][] w = net.layers().get(0).params().get(0).values();
        double[][] b = net.layers().get(0).params().get(1).values();
        Stage conv = maps.stages().get(0);
        Stage pool = maps.stages().get(1);
        for (int f = 0; f < 8; f++) {
            for (int oy = 0; oy < 24; oy++) {
                for (int ox = 0; ox < 24; ox++) {
                    double sum = b[f][0];
                    for (int dy = 0; dy < 5; dy++) {
                        for (int dx = 0; dx < 5; dx++) {
                            sum += w[f][dy * 5 + dx] * x[(oy + dy) * 28 + ox + dx];
                        }
                    }
                    double expected = Activation.LeakyRelu.SEED.apply(sum);
                    assertEquals(expected, conv.values()[(f * 24 + oy) * 24 + ox], 1e-12, f + " at " + oy + "," + ox);
                }
            }
            for (int py = 0; py < 12; py++) {
                for (int px = 0; px < 12; px++) {
                    double max = Double.NEGATIVE_INFINITY;
                    for (int d = 0; d < 4; d++) {
                        max = Math.max(max, conv.values()[(f * 24 + 2 * py + d / 2) * 24 + 2 * px + d % 2]);
                    }
                    assertEquals(max, pool.values()[(f * 12 + py) * 12 + px], 0);
                }
            }
        }
    }

    /** Each hidden dense unit's share: a_u times d logit_c / d a_u, the derivative by centred differences. */
    @Test
    void theDenseContributionsAgreeWithFiniteDifferences() {
        Sequential net = LayerSpec.parse("conv4k3-pool2-12-drop0.5-8-10", Shape.image(8, 8), 10,
                new Activation.Tanh());
        net.initialise(Init.XAVIER, 5);
        double[] x = new double[64];
        Random random = new Random(4);
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextDouble();
        }
        FeatureMaps maps = FeatureMaps.of(net, x);
        for (int l : new int[] {2, 4}) { // the dense 12 and 8
            Stage stage = maps.stages().get(l);
            assertNotNull(stage.contribution(), "layer " + (l + 1));
            for (int u = 0; u < stage.values().length; u++) {
                double h = 1e-5;
                double up = logitAfter(net, l, stage.values(), u, h, maps.predicted());
                double down = logitAfter(net, l, stage.values(), u, -h, maps.predicted());
                double expected = stage.values()[u] * (up - down) / (2 * h);
                assertEquals(expected, stage.contribution()[u], 1e-7, "layer " + (l + 1) + " unit " + u);
            }
        }
    }

    /** Logit c when layer l's output a has a[u] moved by h, through the layers after l. */
    private static double logitAfter(Sequential net, int l, double[] a, int u, double h, int c) {
        double[] moved = a.clone();
        moved[u] += h;
        Matrix m = column(moved);
        for (int k = l + 1; k < net.layers().size(); k++) {
            m = net.layers().get(k).forward(m, Pass.evaluation());
        }
        return m.get(c, 0);
    }

    static double[] image(Random random) {
        double[] x = new double[784];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextInt(3) == 0 ? random.nextDouble() : 0;
        }
        return x;
    }

    static Matrix column(double[] x) {
        double[][] c = new double[x.length][1];
        for (int i = 0; i < x.length; i++) {
            c[i][0] = x[i];
        }
        return Basic2DMatrix.from2DArray(c);
    }
}
