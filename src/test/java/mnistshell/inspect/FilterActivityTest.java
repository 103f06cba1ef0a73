package mnistshell.inspect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import mnistshell.data.Dataset;
import mnistshell.nn.Activation;
import mnistshell.nn.Batch;
import mnistshell.nn.Init;
import mnistshell.nn.layer.LayerSpec;
import mnistshell.nn.layer.Sequential;
import mnistshell.nn.layer.Shape;
import org.junit.jupiter.api.Test;
import org.la4j.Matrix;
import org.la4j.matrix.dense.Basic2DMatrix;

/** Dead filters counted by hand on the tiny net, and a set cut into chunks counted as one. */
class FilterActivityTest {

    /** The image X and a blank image, one a column. */
    private static Matrix twoImages() {
        double[][] x = new double[16][2];
        for (int i = 0; i < 16; i++) {
            x[i][0] = TinyConvNet.X[i];
        }
        return Basic2DMatrix.from2DArray(x);
    }

    @Test
    void theFilterDeadByConstructionIsDeadAndTheOtherIsCountedByHand() {
        for (Activation act : new Activation[] {new Activation.Relu(), Activation.LeakyRelu.SEED}) {
            List<FilterActivity> layers = FilterActivity.of(TinyConvNet.of(act), twoImages());
            assertEquals(1, layers.size());
            FilterActivity conv = layers.get(0);
            assertEquals(1, conv.layer());
            assertEquals("conv2k2", conv.token());
            assertEquals(act.toString(), conv.activation());
            assertEquals(9, conv.positions());
            assertEquals(2, conv.images());
            // filter 0: z = -(window sum) - 0.5 < 0 on both images; Leaky ReLU keeps it below 0
            // filter 1 on X: -0.5 4.5 5.5 3.5 -1.5 3.5 4.5 1.5 0.5, 7 positive; on the blank image 0.5 at all 9
            assertArrayEquals(new int[] {0, 2}, conv.activeImages(), act.toString());
            assertArrayEquals(new long[] {0, 7 + 9}, conv.activePositions(), act.toString());
            assertEquals(List.of(0), conv.dead());
            assertEquals(16.0 / 18, conv.activeShare(1), 1e-15);
            assertEquals(16.0 / 36, conv.meanActiveShare(), 1e-15);
        }
    }

    @Test
    void aDatasetInChunksCountsAsOnePass() {
        Random random = new Random(9);
        int count = 2 * LayeredActivity.CHUNK + 37;
        byte[] pixels = new byte[count * 64];
        random.nextBytes(pixels);
        byte[] labels = new byte[count];
        Dataset data = new Dataset("random", 8, 8, pixels, labels);
        Sequential net = LayerSpec.parse("conv6k3-pool2-conv4k3-10", Shape.image(8, 8), 10, new Activation.Relu());
        net.initialise(Init.HE, 3);
        int[] indices = new int[count];
        for (int i = 0; i < count; i++) {
            indices[i] = count - 1 - i;
        }
        List<FilterActivity> chunked = FilterActivity.of(net, data, indices);
        List<FilterActivity> whole = FilterActivity.of(net, Batch.of(data, indices, 0, count).x());
        assertEquals(2, chunked.size());
        for (int l = 0; l < 2; l++) {
            assertEquals(count, chunked.get(l).images());
            assertArrayEquals(whole.get(l).activeImages(), chunked.get(l).activeImages());
            assertArrayEquals(whole.get(l).activePositions(), chunked.get(l).activePositions());
        }
        assertEquals(3, chunked.get(1).layer());
        assertEquals(1, chunked.get(1).positions()); // 8x8 → 6x6, pooled 3x3, a 3x3 kernel → 1x1
    }
}
