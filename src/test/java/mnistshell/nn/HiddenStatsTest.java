package mnistshell.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import mnistshell.data.Dataset;
import org.junit.jupiter.api.Test;

/** The hidden activations' statistics both engines keep from their gradients' pass, worked out by hand. */
class HiddenStatsTest {

    /** Images of 1x2 pixels, 0 or 255 (seen as 0 or 1): [0,0], [1,0], [0,1], [1,1]. */
    static final Dataset DATA = new Dataset("tiny", 1, 2, new byte[] {0, 0, -1, 0, 0, -1, -1, -1}, new byte[] {0, 1, 2, 3});
    static final int[] ALL = {0, 1, 2, 3};

    static Network net(Activation act) {
        double[][] w1 = {{1, 1}, {-1, -1}, {0, 0}};
        double[][] b1 = {{-0.5}, {-0.1}, {1}};
        double[][] w2 = new double[10][3];
        w2[3][0] = 1;
        return Network.of(act, new double[][][] {w1, w2}, new double[][][] {b1, new double[10][1]});
    }

    static void check(HiddenStats s, double mean, double squares, double inactive) {
        assertEquals(mean, s.mean()[0], 1e-12);
        assertEquals(Math.sqrt(squares - mean * mean), s.std()[0], 1e-12);
        assertEquals(inactive, s.inactive()[0], 1e-12);
    }

    @Test
    void reluOnFourImagesByHand() {
        // z of unit 0: -0.5, 0.5, 0.5, 1.5; of unit 1: -0.1, -1.1, -1.1, -2.1; of unit 2: 1 always.
        // a: 0, .5, .5, 1.5 | 0, 0, 0, 0 | 1, 1, 1, 1: sum 6.5, squares 6.75, 5 of 12 off
        Network net = net(new Activation.Relu());
        for (Engine e : new Engine[] {new ReferenceEngine(), new FastKernel(1), new FastKernel(2, false)}) {
            e.gradients(net, DATA, ALL, BiasGrad.EXACT);
            check(e.lastHiddenStats(net), 6.5 / 12, 6.75 / 12, 5.0 / 12);
            e.close();
        }
    }

    @Test
    void leakyReluCountsNegativeOutputsAsOff() {
        // as ReLU, with 0.01 z below zero: unit 0 adds -0.005, unit 1 adds -0.001 - 0.011 - 0.011 - 0.021
        double sum = 6.5 - 0.005 - 0.044;
        double squares = 6.75 + 0.005 * 0.005 + 0.001 * 0.001 + 2 * 0.011 * 0.011 + 0.021 * 0.021;
        Network net = net(Activation.LeakyRelu.SEED);
        for (Engine e : new Engine[] {new ReferenceEngine(), new FastKernel(1)}) {
            e.gradients(net, DATA, ALL, BiasGrad.EXACT);
            check(e.lastHiddenStats(net), sum / 12, squares / 12, 5.0 / 12);
            e.close();
        }
    }

    @Test
    void tanhCountsSaturatedOutputs() {
        // unit 0 of z 3 on every image: 1 - tanh(3)^2 = 0.0099 is under 5% of the largest slope 1
        double[][] w1 = {{0, 0}, {0, 0}};
        double[][] b1 = {{3}, {0.1}};
        Network net = Network.of(new Activation.Tanh(), new double[][][] {w1, new double[10][2]},
                new double[][][] {b1, new double[10][1]});
        double a = Math.tanh(3);
        double b = Math.tanh(0.1);
        for (Engine e : new Engine[] {new ReferenceEngine(), new FastKernel(1)}) {
            e.gradients(net, DATA, ALL, BiasGrad.EXACT);
            check(e.lastHiddenStats(net), (a + b) / 2, (a * a + b * b) / 2, 0.5);
            e.close();
        }
    }

    @Test
    void theKernelAgreesWithTheReferenceOnARealNetwork() {
        Dataset data = TestData.random(300, 28, 28, 3);
        Network net = Network.create(new int[] {784, 32, 16, 10}, Activation.LeakyRelu.SEED, Init.HE, 1);
        int[] batch = TestData.range(300);
        ReferenceEngine ref = new ReferenceEngine();
        ref.gradients(net, data, batch, BiasGrad.EXACT);
        HiddenStats expected = ref.lastHiddenStats(net);
        try (FastKernel fast = new FastKernel(2)) {
            fast.gradients(net, data, batch, BiasGrad.EXACT);
            HiddenStats got = fast.lastHiddenStats(net);
            assertArrayEquals(expected.mean(), got.mean(), 1e-9);
            assertArrayEquals(expected.std(), got.std(), 1e-9);
            assertArrayEquals(expected.inactive(), got.inactive(), 1e-12);
            fast.accuracy(net, data, batch);
            assertEquals(null, fast.lastHiddenStats(net), "an evaluation keeps no activations");
        }
    }

    /** Every kind of activation, widths that are no multiple of a cache line, several chunks. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"relu", "leaky-relu", "tanh", "sigmoid"})
    void theKernelAgreesWithTheReferenceForEveryActivation(String name) {
        Dataset data = TestData.random(300, 28, 28, 5);
        Activation act = Activation.named(name, 0.01);
        Network net = Network.create(new int[] {784, 13, 7, 10}, act, Init.HE, 4);
        int[] batch = TestData.range(257);
        ReferenceEngine ref = new ReferenceEngine();
        ref.gradients(net, data, batch, BiasGrad.EXACT);
        HiddenStats expected = ref.lastHiddenStats(net);
        for (int threads = 1; threads <= 3; threads++) {
            try (FastKernel fast = new FastKernel(threads)) {
                fast.gradients(net, data, batch, BiasGrad.EXACT);
                HiddenStats got = fast.lastHiddenStats(net);
                assertArrayEquals(expected.mean(), got.mean(), 1e-9, name);
                assertArrayEquals(expected.std(), got.std(), 1e-9, name);
                assertArrayEquals(expected.inactive(), got.inactive(), 1e-12, name + ": the counts are exact");
            }
        }
    }

    /**
     * Asked at every call, as training asks, the kernel sums the statistics while it makes the
     * chunks, as they finish; they are the same bits as those summed after the call, by a kernel
     * asked for the first time, on 1 to 3 threads, over calls on changing batches.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"relu", "leaky-relu", "tanh"})
    void statisticsSummedAsChunksFinishAreTheSameBits(String name) {
        Dataset data = TestData.random(700, 28, 28, 8);
        Activation act = Activation.named(name, 0.01);
        Network net = Network.create(new int[] {784, 13, 7, 10}, act, Init.HE, 6);
        for (int threads = 1; threads <= 3; threads++) {
            try (FastKernel asked = new FastKernel(threads)) {
                for (int call = 0; call < 4; call++) {
                    int size = call == 3 ? 37 : 650;
                    int[] batch = java.util.stream.IntStream.range(0, size).map(i -> (i * 7 + 3) % 700).toArray();
                    asked.gradients(net, data, batch, BiasGrad.EXACT);
                    HiddenStats got = asked.lastHiddenStats(net);
                    try (FastKernel fresh = new FastKernel(threads)) {
                        fresh.gradients(net, data, batch, BiasGrad.EXACT);
                        HiddenStats expected = fresh.lastHiddenStats(net);
                        String where = name + ", call " + call + ", " + threads + " thread(s)";
                        for (int l = 0; l < 2; l++) {
                            assertEquals(Double.doubleToRawLongBits(expected.mean()[l]), Double.doubleToRawLongBits(got.mean()[l]), where);
                            assertEquals(Double.doubleToRawLongBits(expected.std()[l]), Double.doubleToRawLongBits(got.std()[l]), where);
                            assertEquals(Double.doubleToRawLongBits(expected.inactive()[l]), Double.doubleToRawLongBits(got.inactive()[l]), where);
                        }
                    }
                }
            }
        }
    }

    /** The kernel's run of sums equals one add per non-zero value, bit for bit, with zeros of both signs, NaNs of both signs and infinities among them. */
    @Test
    void aRunOfSumsEqualsOneAddPerValue() {
        double[][] runs = {
            {0.5, -0.0, 0.0, -2.5, 1e-300, -1e-300, 3.0, -7.25, 0.0, Double.MIN_VALUE},
            {0.5, -1.0, Double.NaN, 0.0, 2.0, Double.POSITIVE_INFINITY},
            {Double.longBitsToDouble(0xfff8000000000000L), -3.0, -0.0, 4.0},
            {Double.NEGATIVE_INFINITY, 1.0}};
        Activation[] acts = {new Activation.Relu(), Activation.LeakyRelu.SEED, new Activation.Tanh(),
            new Activation.Sigmoid()};
        for (Activation act : acts) {
            for (double[] v : runs) {
                for (double before : new double[] {0, 0.25}) { // from fresh sums, and going on from some
                    HiddenStats.Sums expected = new HiddenStats.Sums(1);
                    HiddenStats.Sums got = new HiddenStats.Sums(1);
                    if (before != 0) {
                        expected.add(0, act, before);
                        got.add(0, act, before);
                    }
                    long zeros = 0;
                    for (double a : v) {
                        if (a != 0) {
                            expected.add(0, act, a);
                        } else {
                            zeros++;
                        }
                    }
                    expected.addZeros(0, act, zeros);
                    got.addZeros(0, act, got.addNonZero(0, act, v, 0, v.length));
                    for (int k = 0; k < 4; k++) {
                        assertEquals(Double.doubleToRawLongBits(expected.s[0][k]), Double.doubleToRawLongBits(got.s[0][k]),
                                act + ", sum " + k + " of " + java.util.Arrays.toString(v));
                    }
                }
            }
        }
    }
}
