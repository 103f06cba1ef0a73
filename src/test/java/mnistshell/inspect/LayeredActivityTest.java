package mnistshell.inspect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import mnistshell.data.Dataset;
import mnistshell.nn.Activation;
import mnistshell.nn.Init;
import mnistshell.nn.Network;
import mnistshell.nn.Tensor;
import mnistshell.nn.layer.LayerSpec;
import mnistshell.nn.layer.Param;
import mnistshell.nn.layer.Sequential;
import mnistshell.nn.layer.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.la4j.matrix.dense.Basic2DMatrix;

/** The hidden dense units of a layered net: by hand on the tiny net, and as LayerActivity counts a Network's. */
class LayeredActivityTest {

    @Test
    void theTinyNetsHiddenUnitsByHand() {
        // on X: pool [0, 4.5] → z = (4.5, -3.5): unit 0 active, unit 1 not;
        // on a blank image: filter 1 gives 0.5 everywhere, pool [0, 0.5] → z = (0.5, 1 - 0.5): both active
        double[][] x = new double[16][2];
        for (int i = 0; i < 16; i++) {
            x[i][0] = TinyConvNet.X[i];
        }
        LayeredActivity both = LayeredActivity.of(TinyConvNet.of(new Activation.Relu()), Basic2DMatrix.from2DArray(x));
        assertEquals(1, both.filters().size());
        assertEquals(1, both.units().size());
        LayerActivity hidden = both.units().get(0);
        assertEquals(3, hidden.layer(), "conv, pool, then the hidden dense layer: the third");
        assertEquals(2, hidden.images());
        assertArrayEquals(new int[] {2, 1}, hidden.active());
        assertEquals(List.of(), hidden.dead());
        double[][] xOnly = new double[16][1];
        for (int i = 0; i < 16; i++) {
            xOnly[i][0] = TinyConvNet.X[i];
        }
        LayerActivity alone = LayeredActivity.of(TinyConvNet.of(new Activation.Relu()),
                Basic2DMatrix.from2DArray(xOnly)).units().get(0);
        assertEquals(List.of(1), alone.dead());
        // ReLU's slope is 1 where active and 0 where not: unit 0 passes 2 of 2, unit 1 1 of 2
        assertArrayEquals(new double[] {2, 1}, hidden.slope(), 0);
    }

    /** A stack of dense layers on the Network's very weights: the same counts as the reference's. */
    @ParameterizedTest
    @ValueSource(strings = {"leaky-relu", "relu", "sigmoid", "tanh"})
    void aDenseStackCountsAsLayerActivityCountsTheNetwork(String name) {
        Activation act = Activation.named(name, 0.01);
        Random random = new Random(8);
        int count = 230;
        byte[] pixels = new byte[count * 16];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextInt(3) == 0 ? (byte) random.nextInt(256) : 0;
        }
        Dataset data = new Dataset("random", 4, 4, pixels, new byte[count]);
        int[] indices = java.util.stream.IntStream.range(0, count).toArray();
        Network net = Network.create(new int[] {16, 7, 5, 10}, act, Init.XAVIER, 3);
        for (int l = 0; l < net.layers(); l++) {
            for (int i = 0; i < net.biases(l).rows(); i++) {
                net.biases(l).set(i, 0, random.nextGaussian() * 0.5);
            }
        }
        Sequential stack = LayerSpec.parse("16-7-5-10", Shape.image(4, 4), 10, act);
        List<Tensor> theirs = net.tensors();
        List<Param> ours = stack.params();
        for (int t = 0; t < ours.size(); t++) {
            for (int r = 0; r < ours.get(t).rows(); r++) {
                System.arraycopy(theirs.get(t).values()[r], 0, ours.get(t).values()[r], 0, ours.get(t).columns());
            }
        }
        List<LayerActivity> expected = LayerActivity.of(net, data, indices);
        List<LayerActivity> actual = LayeredActivity.of(stack, data, indices).units();
        assertEquals(2, actual.size());
        for (int l = 0; l < 2; l++) {
            assertEquals(l + 1, actual.get(l).layer());
            assertEquals(count, actual.get(l).images());
            assertArrayEquals(expected.get(l).active(), actual.get(l).active(), name + " layer " + (l + 1));
            assertArrayEquals(expected.get(l).saturated(), actual.get(l).saturated(), name + " layer " + (l + 1));
            assertArrayEquals(expected.get(l).slope(), actual.get(l).slope(), 1e-9, name + " layer " + (l + 1));
        }
    }

    /**
     * The fast kernel's look inside (its own forward pass, on 1, 2 and 3 threads) against the
     * reference's: every count the same, the slope sums within 1e-12 of their size, and the same
     * bits on every thread count. Odd shapes, pooling and dropout between, every activation.
     */
    @ParameterizedTest
    @ValueSource(strings = {"conv8k5-pool2-conv16k5-pool2-64-10 leaky-relu", "conv4k3same-drop0.25-pool2-20-10 relu",
        "conv3k5-pool2-17-9-10 sigmoid", "conv5k3-conv2k1-pool2-13-10 tanh", "784-33-drop0.5-10 sigmoid"})
    void theKernelsLookInsideCountsAsTheReferences(String spec) {
        String[] parts = spec.split(" ");
        Activation act = Activation.named(parts[1], 0.01);
        Sequential seq = LayerSpec.parse(parts[0], Shape.image(28, 28), 10, act);
        Network net = Network.layered(seq, act, Init.HE, 5);
        Dataset data = mnistshell.nn.TestData.random(90, 28, 28, 13);
        int[] indices = java.util.stream.IntStream.range(0, 83).map(i -> (i * 7 + 3) % 90).toArray();
        LayeredActivity expected = LayeredActivity.of(seq, data, indices);
        LayeredActivity first = null;
        for (int threads = 1; threads <= 3; threads++) {
            try (mnistshell.nn.FastKernel kernel = new mnistshell.nn.FastKernel(threads, true)) {
                LayeredActivity got = LayeredActivity.of(net, data, indices, kernel);
                assertEquals(expected.filters().size(), got.filters().size());
                for (int f = 0; f < got.filters().size(); f++) {
                    FilterActivity e = expected.filters().get(f);
                    FilterActivity g = got.filters().get(f);
                    assertEquals(e.layer(), g.layer());
                    assertEquals(e.images(), g.images());
                    assertArrayEquals(e.activeImages(), g.activeImages(), "filter images, layer " + e.layer());
                    assertArrayEquals(e.activePositions(), g.activePositions(), "filter positions, layer " + e.layer());
                }
                assertEquals(expected.units().size(), got.units().size());
                for (int u = 0; u < got.units().size(); u++) {
                    LayerActivity e = expected.units().get(u);
                    LayerActivity g = got.units().get(u);
                    assertEquals(e.layer(), g.layer());
                    assertEquals(indices.length, g.images());
                    assertArrayEquals(e.active(), g.active(), "units active, layer " + e.layer());
                    assertArrayEquals(e.saturated(), g.saturated(), "units saturated, layer " + e.layer());
                    assertArrayEquals(e.slope(), g.slope(), 1e-12 * indices.length, "slopes, layer " + e.layer());
                    if (first != null) {
                        assertArrayEquals(first.units().get(u).slope(), g.slope(), 0, threads + " threads' slopes");
                    }
                }
                first = first == null ? got : first;
            }
        }
        // an engine without a look inside of its own leaves it to the reference's
        LayeredActivity reference = LayeredActivity.of(net, data, indices, new mnistshell.nn.ReferenceEngine());
        assertArrayEquals(expected.units().get(0).slope(), reference.units().get(0).slope(), 0);
    }

    /** A dense network's look inside in the kernel (as its stack, Network.asStack): LayerActivity's counts of it. */
    @ParameterizedTest
    @ValueSource(strings = {"leaky-relu", "relu", "sigmoid", "tanh"})
    void aDenseNetworksLookInsideInTheKernelCountsAsTheReferences(String name) {
        Activation act = Activation.named(name, 0.01);
        Network net = Network.create(new int[] {784, 37, 9, 10}, act, Init.HE, 4);
        Dataset data = mnistshell.nn.TestData.random(120, 28, 28, 21);
        int[] indices = java.util.stream.IntStream.range(0, 117).toArray();
        List<LayerActivity> expected = LayerActivity.of(net, data, indices);
        try (mnistshell.nn.FastKernel kernel = new mnistshell.nn.FastKernel(2, true)) {
            List<LayerActivity> got = LayeredActivity.of(net, data, indices, kernel).units();
            assertEquals(2, got.size());
            for (int l = 0; l < 2; l++) {
                assertEquals(l + 1, got.get(l).layer());
                assertEquals(indices.length, got.get(l).images());
                assertArrayEquals(expected.get(l).active(), got.get(l).active(), name + " layer " + (l + 1));
                assertArrayEquals(expected.get(l).saturated(), got.get(l).saturated(), name + " layer " + (l + 1));
                assertArrayEquals(expected.get(l).slope(), got.get(l).slope(), 1e-12 * indices.length,
                        name + " layer " + (l + 1));
            }
        }
    }
}
