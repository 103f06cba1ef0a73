package mnistshell.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.stream.LongStream;
import mnistshell.data.Dataset;
import mnistshell.nn.layer.Pass;
import mnistshell.nn.layer.Sequential;
import mnistshell.nn.layer.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fast path against itself: the same bits on any thread count and in either products, dropout's masks, no allocation. */
class LayerKernelTest {

    static final Shape IN = Shape.image(12, 12);
    static final Dataset DATA = LayerImages.of(300, 1, 12, 12);
    /** Both kinds of padding, pooling, dropout on maps and on vectors, two dense layers. */
    static final String NET = "conv4k3-pool2-conv6k3same-drop0.25-pool2-16-drop0.5-10";

    @ParameterizedTest(name = "batch {0}")
    @CsvSource({"300", "64", "1"})
    void theSameBitsOnOneTwoAndThreeThreads(int batch) {
        Sequential net = LayerImages.net(NET, IN, "leaky-relu");
        int[] images = LayerImages.spread(batch, DATA.size());
        Pass pass = Pass.training(9, 4, images);
        Gradients one;
        Evaluation oneEval;
        try (LayerKernel kernel = new LayerKernel(1)) {
            one = copy(kernel.gradients(net, DATA, images, pass));
            oneEval = kernel.evaluate(net, DATA, images);
        }
        for (int threads = 2; threads <= 3; threads++) {
            try (LayerKernel kernel = new LayerKernel(threads)) {
                assertSameBits(one, kernel.gradients(net, DATA, images, pass), threads + " threads");
                Evaluation many = kernel.evaluate(net, DATA, images);
                assertArrayEquals(oneEval.predictions(), many.predictions());
                assertEquals(Double.doubleToRawLongBits(oneEval.loss()), Double.doubleToRawLongBits(many.loss()));
            }
        }
    }

    /** The native products make the plain Java chains, so the same bits. */
    @Test
    void nativeProductsGiveTheJavaBits() {
        assumeTrue(NativeSums.productsAvailable(), "no native products here (no gcc at build, or no AVX2 and FMA)");
        Sequential net = LayerImages.net(NET, IN, "tanh");
        int[] images = LayerImages.spread(64, DATA.size());
        Pass pass = Pass.training(9, 4, images);
        try (LayerKernel fast = new LayerKernel(2, true); LayerKernel java = new LayerKernel(2, false)) {
            assertTrue(fast.nativeProducts() && !java.nativeProducts());
            assertSameBits(java.gradients(net, DATA, images, pass), fast.gradients(net, DATA, images, pass), "native");
        }
    }

    /**
     * In training the masks are the reference's: with dropout the gradients are not those of
     * evaluation (the masks matter), another update draws others, and each equals the reference's.
     */
    @Test
    void dropoutInTrainingIsTheReferences() {
        Sequential net = LayerImages.net("conv4k3-drop0.5-pool2-16-drop0.5-10", IN, "leaky-relu");
        int[] images = LayerImages.spread(40, DATA.size());
        try (LayerKernel kernel = new LayerKernel(2)) {
            for (long update : new long[] {1, 2}) {
                Pass pass = Pass.training(3, update, images);
                Gradients expected = new LayerReference().gradients(net, DATA, images, pass);
                Gradients actual = kernel.gradients(net, DATA, images, pass);
                LayerEngineContract.assertSameGradients(expected, actual, expected);
            }
            Gradients off = copy(kernel.gradients(net, DATA, images, Pass.evaluation()));
            Gradients on = copy(kernel.gradients(net, DATA, images, Pass.training(3, 1, images)));
            Gradients again = kernel.gradients(net, DATA, images, Pass.training(3, 2, images));
            assertNotEquals(off.dW()[0][0][0], on.dW()[0][0][0], "dropout changed nothing");
            assertNotEquals(on.dW()[0][0][0], again.dW()[0][0][0], "two updates drew the same masks");
        }
    }

    /**
     * After the first calls have sized its buffers, a gradients call (full batch and mini-batch, with
     * dropout) and an accuracy call allocate nothing, on the calling thread or the helpers.
     */
    @ParameterizedTest(name = "{0} thread(s), native {1}")
    @CsvSource({"1, true", "3, true", "2, false"})
    void aSecondCallOnTheSameShapesAllocatesNothing(int threads, boolean nativeCode) {
        com.sun.management.ThreadMXBean mx =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        Sequential net = LayerImages.net(NET, IN, "leaky-relu");
        int[] all = TestData.range(DATA.size());
        int[] batch = LayerImages.spread(64, DATA.size());
        Pass full = Pass.training(1, 1, all);
        Pass mini = Pass.training(1, 2, batch).withBiasGrad(BiasGrad.SEED);
        try (LayerKernel kernel = new LayerKernel(threads, nativeCode)) {
            for (int i = 0; i < 3; i++) {
                kernel.gradients(net, DATA, all, full);
                kernel.gradients(net, DATA, batch, mini);
                kernel.accuracy(net, DATA, batch);
            }
            long[] helpers = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("mnist-kernel-")).mapToLong(Thread::getId).toArray();
            long helpersBefore = LongStream.of(mx.getThreadAllocatedBytes(helpers)).sum();
            long before = mx.getCurrentThreadAllocatedBytes();
            int calls = 0;
            for (int i = 0; i < 10; i++, calls += 3) {
                kernel.gradients(net, DATA, all, full);
                kernel.gradients(net, DATA, batch, mini);
                kernel.accuracy(net, DATA, batch);
            }
            long caller = mx.getCurrentThreadAllocatedBytes() - before;
            long helpersAfter = LongStream.of(mx.getThreadAllocatedBytes(helpers)).sum();
            assertTrue(helpers.length >= threads - 1, "helper threads");
            // Less than the smallest object (16 bytes) a call: a collection started by another
            // thread may count a few bytes once when it retires this thread's buffer.
            assertTrue(caller < 16L * calls, caller + " bytes allocated by the calling thread in " + calls + " calls");
            assertTrue(helpersAfter - helpersBefore < 16L * calls,
                    (helpersAfter - helpersBefore) + " bytes allocated by the helper threads in " + calls + " calls");
        }
    }

    /** Training keeps the gradients of the two updates before the last to undo them: they must stay whole. */
    @Test
    void gradientsReturnedStayWholeThroughTheTwoCallsAfter() {
        Sequential net = LayerImages.net("conv2k3-pool2-10", IN, "relu");
        try (LayerKernel kernel = new LayerKernel(2)) {
            int[] first = LayerImages.spread(64, DATA.size());
            Gradients g = kernel.gradients(net, DATA, first, Pass.evaluation());
            Gradients kept = copy(g);
            kernel.gradients(net, DATA, TestData.range(100), Pass.evaluation());
            kernel.gradients(net, DATA, TestData.range(30), Pass.evaluation());
            assertSameBits(kept, g, "after two more calls");
        }
    }

    /**
     * An oracle that knows nothing of either engine's code: each parameter's gradient against
     * centred differences of the kernel's own loss, the kernel reading the live values it is given.
     */
    @Test
    void theGradientsAreFiniteDifferencesOfItsOwnLoss() {
        Shape in = new Shape(2, 6, 6);
        Dataset data = LayerImages.of(3, 2, 6, 6);
        Sequential net = LayerImages.net("conv2k3same-pool2-conv3k2-10", in, "tanh");
        int[] images = {0, 1, 2};
        double h = 1e-5;
        try (LayerKernel kernel = new LayerKernel(2)) {
            Gradients g = copy(kernel.gradients(net, data, images, Pass.evaluation()));
            for (int p = 0; p < net.params().size(); p++) {
                double[][] values = net.params().get(p).values();
                double[][] analytic = p % 2 == 0 ? g.dW()[p / 2] : g.db()[p / 2];
                double worst = 0;
                for (int i = 0; i < values.length; i++) {
                    for (int j = 0; j < values[i].length; j++) {
                        double keep = values[i][j];
                        values[i][j] = keep + h;
                        double up = kernel.evaluate(net, data, images).loss();
                        values[i][j] = keep - h;
                        double down = kernel.evaluate(net, data, images).loss();
                        values[i][j] = keep;
                        double numeric = (up - down) / (2 * h);
                        double a = analytic[i][j];
                        worst = Math.max(worst, Math.abs(numeric - a) / Math.max(1e-8, Math.abs(numeric) + Math.abs(a)));
                    }
                }
                assertTrue(worst < 1e-6, "d" + net.params().get(p).name() + ": worst relative error " + worst);
            }
        }
    }

    @Test
    void aBatchItCannotRunIsRefused() {
        Sequential net = LayerImages.net("conv2k3-pool2-10", IN, "relu");
        int[] images = {0, 1, 2};
        try (LayerKernel kernel = new LayerKernel(1)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> kernel.gradients(net, DATA, images, Pass.training(1, 1, new int[] {0, 1, 3})));
            assertEquals("the pass's samples are not the batch's images", e.getMessage());
            Dataset wide = LayerImages.of(3, 1, 12, 13);
            e = assertThrows(IllegalArgumentException.class, () -> kernel.evaluate(net, wide, images));
            assertEquals("the images have 156 values, the network takes 1x12x12", e.getMessage());
        }
    }

    static void assertSameBits(Gradients expected, Gradients actual, String what) {
        for (int l = 0; l < expected.layers(); l++) {
            for (int r = 0; r < expected.dW()[l].length; r++) {
                assertArrayEquals(expected.dW()[l][r], actual.dW()[l][r], 0, "dW" + (l + 1) + " row " + r + ", " + what);
                assertEquals(Double.doubleToRawLongBits(expected.db()[l][r][0]),
                        Double.doubleToRawLongBits(actual.db()[l][r][0]), "db" + (l + 1) + " row " + r + ", " + what);
            }
        }
        assertEquals(Double.doubleToRawLongBits(expected.loss()), Double.doubleToRawLongBits(actual.loss()), "loss, " + what);
        assertEquals(expected.correct(), actual.correct(), "right answers, " + what);
    }

    static Gradients copy(Gradients g) {
        double[][][] dW = new double[g.layers()][][];
        double[][][] db = new double[g.layers()][][];
        for (int l = 0; l < g.layers(); l++) {
            dW[l] = java.util.Arrays.stream(g.dW()[l]).map(double[]::clone).toArray(double[][]::new);
            db[l] = java.util.Arrays.stream(g.db()[l]).map(double[]::clone).toArray(double[][]::new);
        }
        return new Gradients(dW, db, g.loss(), g.correct());
    }
}
