package mnistshell.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import mnistshell.data.Dataset;
import org.la4j.Matrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The fast kernel against the la4j reference, tensor by tensor, and against itself across thread counts. */
class FastKernelTest {

    /** 1,301 images: several chunks, and a last block that is not full. */
    static final Dataset DATA = TestData.random(1301, 28, 28, 3);

    static final Map<String, Gradients> REFERENCE = new ConcurrentHashMap<>();

    static Stream<Arguments> everyCase() {
        List<Arguments> cases = new ArrayList<>();
        for (String act : Activation.NAMES) {
            for (String spec : List.of("784-12-10", "784-12-8-6-10")) {
                for (String mode : List.of("exact", "seed")) {
                    for (int batch : new int[] {1301, 64}) {
                        for (int threads = 1; threads <= 3; threads++) {
                            cases.add(Arguments.of(act, spec, mode, batch, threads));
                        }
                    }
                }
            }
        }
        return cases.stream();
    }

    /**
     * Every activation, one and three hidden layers, both bias modes, a full batch of 1,301 images
     * and a mini-batch of 64 drawn from across the set, on 1, 2 and 3 threads.
     */
    @ParameterizedTest(name = "{0} {1} bias {2}, batch {3}, {4} threads")
    @MethodSource("everyCase")
    void everyActivationDepthBiasModeBatchAndThreadCountEqualsTheReference(String act, String spec, String mode,
                                                                          int batch, int threads) {
        Network net = network(spec, act);
        int[] images = batch == DATA.size() ? TestData.range(batch) : spread(batch);
        BiasGrad bias = BiasGrad.named(mode);
        Gradients expected = REFERENCE.computeIfAbsent(act + spec + mode + batch,
                k -> new ReferenceEngine().gradients(net, DATA, images, bias));
        Gradients perUnit = REFERENCE.computeIfAbsent(act + spec + "exact" + batch,
                k -> new ReferenceEngine().gradients(net, DATA, images, BiasGrad.EXACT));
        try (FastKernel kernel = new FastKernel(threads)) {
            Gradients actual = kernel.gradients(net, DATA, images, bias);
            for (int l = 0; l < net.layers(); l++) {
                assertClose("dW" + (l + 1), expected.dW(l), actual.dW(l));
                // The seed's output-layer scalar cancels to rounding noise: compare it on the scale
                // of the terms it sums (the per-unit gradients), not on its own.
                assertClose("db" + (l + 1), expected.db(l), actual.db(l), largest(perUnit.db(l)));
            }
            assertEquals(expected.loss(), actual.loss(), 1e-12 * Math.abs(expected.loss()));
            assertEquals(expected.correct(), actual.correct());
        }
    }

    static Stream<Arguments> wideCases() {
        List<Arguments> cases = new ArrayList<>();
        for (String act : Activation.NAMES) {
            cases.add(Arguments.of(act, DATA.size()));
            cases.add(Arguments.of(act, 64));
        }
        return cases.stream();
    }

    /**
     * The matrix products of the layers above the first, for every activation, full batch and
     * mini-batch: a layer wider than a tile row and one narrower than a tile column.
     */
    @ParameterizedTest(name = "{0} 784-129-7-10, batch {1}")
    @MethodSource("wideCases")
    void wideLayersEqualTheReferenceForEveryActivation(String act, int batch) {
        Network net = network("784-129-7-10", act);
        int[] images = batch == DATA.size() ? TestData.range(batch) : spread(batch);
        Gradients expected = new ReferenceEngine().gradients(net, DATA, images, BiasGrad.EXACT);
        try (FastKernel kernel = new FastKernel(2)) {
            Gradients actual = kernel.gradients(net, DATA, images, BiasGrad.EXACT);
            for (int l = 0; l < net.layers(); l++) {
                assertClose("dW" + (l + 1), expected.dW(l), actual.dW(l));
                assertClose("db" + (l + 1), expected.db(l), actual.db(l));
            }
            assertEquals(expected.loss(), actual.loss(), 1e-12 * Math.abs(expected.loss()));
            Evaluation e = kernel.evaluate(net, DATA, images);
            Evaluation r = new ReferenceEngine().evaluate(net, DATA, images);
            assertArrayEquals(r.predictions(), e.predictions());
        }
    }

    /**
     * Evaluating more images needs no more kernel memory: the chunks of an evaluation share their
     * worker's activations and keep no gradient sums. 13,010 images (the set ten times over) take
     * what 5,000 take, but for the answers themselves (4 bytes an image) and a few small objects;
     * a kernel that kept a chunk's dW and activations would take 1.6 MB more a chunk here.
     */
    @org.junit.jupiter.api.Test
    void evaluatingMoreImagesTakesNoMoreKernelMemory() {
        com.sun.management.ThreadMXBean mx =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        Network net = network("784-129-7-10");
        long[] bytes = new long[2];
        int[] counts = {5000, 13010};
        for (int k = 0; k < 2; k++) {
            int[] images = java.util.stream.IntStream.range(0, counts[k]).map(i -> i % DATA.size()).toArray();
            try (FastKernel kernel = new FastKernel(1)) {
                kernel.evaluate(net, DATA, images); // the dataset's sparse form is made once, outside the count
                long before = mx.getCurrentThreadAllocatedBytes();
                try (FastKernel fresh = new FastKernel(1)) {
                    fresh.evaluate(net, DATA, images);
                }
                bytes[k] = mx.getCurrentThreadAllocatedBytes() - before;
            }
        }
        long answers = 4L * (counts[1] - counts[0]);
        assertTrue(bytes[1] - bytes[0] < answers + 64 * 1024,
                "evaluating " + counts[1] + " images took " + bytes[1] + " bytes, " + counts[0] + " took " + bytes[0]);
    }

    /** {@code count} images spread over the set, not the first ones. */
    static int[] spread(int count) {
        return java.util.stream.IntStream.range(0, count).map(i -> (i * 97) % DATA.size()).toArray();
    }

    @ParameterizedTest(name = "{0} on {1} threads")
    @CsvSource({"784-10-10, 1", "784-10-10, 2", "784-10-10, 3", "784-12-8-6-10, 1", "784-12-8-6-10, 2", "784-12-8-6-10, 3",
        // widths that end in a block of ten after blocks of eight, a masked native tail, wider than 16
        "784-18-10, 2", "784-26-18-10, 1", "784-3-17-10, 2", "784-40-10, 2",
        // wide layers, and widths that are not multiples of the tiles (6 rows, 8 lanes, blocks of 48)
        "784-129-7-10, 2", "784-257-1-10, 3", "784-1-129-10, 1", "784-44-12-10, 2"})
    void gradientsEqualTheReference(String spec, int threads) {
        Network net = network(spec);
        int[] all = TestData.range(DATA.size());
        Gradients expected = new ReferenceEngine().gradients(net, DATA, all);
        try (FastKernel kernel = new FastKernel(threads)) {
            Gradients actual = kernel.gradients(net, DATA, all);
            for (int l = 0; l < net.layers(); l++) {
                assertClose("dW" + (l + 1), expected.dW(l), actual.dW(l));
                assertClose("db" + (l + 1), expected.db(l), actual.db(l));
            }
            assertEquals(expected.loss(), actual.loss(), 1e-12);
        }
    }

    @ParameterizedTest(name = "{0} {1} batch of {2}")
    @CsvSource({"784-10-10, seed, 1301", "784-12-8-6-10, seed, 1301", "784-10-10, exact, 64", "784-12-8-6-10, seed, 37",
        "784-10-10, exact, 1"})
    void biasModesAndMiniBatchesEqualTheReference(String spec, String mode, int batch) {
        Network net = network(spec);
        int[] some = TestData.range(batch);
        Gradients expected = new ReferenceEngine().gradients(net, DATA, some, BiasGrad.named(mode));
        // The seed's output-layer scalar is a sum that cancels to rounding noise: compare it on the
        // scale of the terms it sums (the per-unit gradients), not on its own.
        Gradients perUnit = new ReferenceEngine().gradients(net, DATA, some, BiasGrad.EXACT);
        try (FastKernel kernel = new FastKernel(3)) {
            Gradients actual = kernel.gradients(net, DATA, some, BiasGrad.named(mode));
            for (int l = 0; l < net.layers(); l++) {
                assertClose("dW" + (l + 1), expected.dW(l), actual.dW(l));
                assertClose("db" + (l + 1), expected.db(l), actual.db(l), largest(perUnit.db(l)));
            }
            if (mode.equals("seed")) { // one scalar a layer, and the output layer's is zero up to rounding
                int out = net.layers() - 1;
                for (int k = 0; k < 10; k++) {
                    assertTrue(Math.abs(actual.db(out).get(k, 0)) < 1e-12, "db" + (out + 1) + " entry " + k);
                    assertEquals(actual.db(0).get(0, 0), actual.db(0).get(k % actual.db(0).rows(), 0));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"784-10-10", "784-12-8-6-10"})
    void rawUnnormalisedPixelsGiveTheReferenceGradientsToo(String spec) {
        Network net = network(spec);
        Dataset raw = DATA.withNormalized(false);
        int[] some = TestData.range(600);
        Gradients expected = new ReferenceEngine().gradients(net, raw, some);
        try (FastKernel kernel = new FastKernel(2)) {
            Gradients actual = kernel.gradients(net, raw, some);
            for (int l = 0; l < net.layers(); l++) {
                assertClose("dW" + (l + 1), expected.dW(l), actual.dW(l));
                assertClose("db" + (l + 1), expected.db(l), actual.db(l));
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
                    assertArrayEquals(one.dW(l).toBinary(), many.dW(l).toBinary(), "dW" + (l + 1) + " on " + threads);
                    assertArrayEquals(one.db(l).toBinary(), many.db(l).toBinary(), "db" + (l + 1) + " on " + threads);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"784-10-10", "784-12-8-6-10"})
    void evaluationEqualsTheReference(String spec) {
        Network net = network(spec);
        int[] some = TestData.range(777);
        Evaluation expected = new ReferenceEngine().evaluate(net, DATA, some);
        try (FastKernel kernel = new FastKernel(2)) {
            Evaluation actual = kernel.evaluate(net, DATA, some);
            assertArrayEquals(expected.predictions(), actual.predictions());
            assertEquals(expected.correct(), actual.correct());
            assertEquals(expected.loss(), actual.loss(), 1e-12);
        }
    }

    /**
     * The native first-layer sums make the same chains of fused multiply-adds as the plain Java
     * ones, so gradients, loss and predictions are the same bits: for the seed's width, for widths
     * the native code masks, and for mini-batches.
     */
    /**
     * The seed's first layer goes dense on images more than a quarter inked, sparse below; either
     * way the same bits as the Java sums, and with a weight infinite (where a zero pixel times it
     * would be NaN) the kernel stays sparse, so the same bits still.
     */
    @ParameterizedTest(name = "ink {0} in 6, batch {1}, W1 infinite somewhere {2}")
    @CsvSource({"1, 600, false", "1, 64, false", "4, 600, false", "4, 64, false", "4, 600, true", "6, 37, false"})
    void denseAndSparseFirstLayersGiveTheSameBits(int ink, int batch, boolean infinite) {
        assumeTrue(FastKernel.nativeSumsAvailable(), "no native sums here (no gcc at build, or no AVX2)");
        Dataset data = TestData.random(600, 28, 28, 9, ink, 6);
        Network net = network("784-10-10");
        if (infinite) {
            net.weightValues(0)[3][400] = Double.POSITIVE_INFINITY;
        }
        int[] images = batch == data.size() ? TestData.range(batch)
                : java.util.stream.IntStream.range(0, batch).map(i -> (i * 37) % data.size()).toArray();
        try (FastKernel fast = new FastKernel(2, true); FastKernel java = new FastKernel(2, false)) {
            Gradients a = fast.gradients(net, data, images, BiasGrad.EXACT);
            Gradients b = java.gradients(net, data, images, BiasGrad.EXACT);
            for (int l = 0; l < net.layers(); l++) {
                assertArrayEquals(b.dW(l).toBinary(), a.dW(l).toBinary(), "dW" + (l + 1));
                assertArrayEquals(b.db(l).toBinary(), a.db(l).toBinary(), "db" + (l + 1));
            }
            assertEquals(Double.doubleToRawLongBits(b.loss()), Double.doubleToRawLongBits(a.loss()), "loss");
            assertArrayEquals(java.evaluate(net, data, images).predictions(), fast.evaluate(net, data, images).predictions());
        }
    }

    /**
     * A full batch's second gradients call and later ones read its images from each chunk's panel
     * and from its copy of them in order ({@link KernelChunk#panel}), 16 images or 16 pixels along
     * the vector where the processor has AVX-512 (else the AVX2 dense sums run): the same bits as
     * the Java sums at every call, on 1, 2 and 3 threads, for chunks and images whose sizes are not
     * multiples of 16, images taken in any order, raw pixels as well as normalised, with blank runs
     * that the panel's lists skip.
     */
    @ParameterizedTest(name = "{0}x{1} pixels, {2} of {3} images, normalised {4}")
    @CsvSource({"28, 28, 600, 601, true", "28, 28, 37, 40, true", "9, 9, 129, 130, true", "30, 30, 7, 9, false",
        "28, 28, 1, 2, true", "5, 5, 257, 258, false"})
    void denseFullBatchesGiveTheSameBitsAtEveryCall(int rows, int cols, int count, int size, boolean normalized) {
        assumeTrue(FastKernel.nativeSumsAvailable(), "no native sums here (no gcc at build, or no AVX2)");
        Dataset inked = TestData.random(size, rows, cols, 17, 5, 6);
        byte[] pixels = inked.pixels().clone(); // blank runs, which the dense sums skip: every image's first
        int n = rows * cols;                    // pixels, and another run in every other image
        for (int i = 0; i < size; i++) {
            java.util.Arrays.fill(pixels, i * n, i * n + Math.min(n, 40), (byte) 0);
            if (i % 2 == 0) {
                java.util.Arrays.fill(pixels, i * n + n / 2, i * n + Math.min(n, n / 2 + 20), (byte) 0);
            }
        }
        Dataset data = new Dataset("blank runs", rows, cols, pixels, inked.labels()).withNormalized(normalized);
        Network net = network(rows * cols + "-10-10");
        int[] images = java.util.stream.IntStream.range(0, count).map(i -> (i * 37 + 5) % size).toArray();
        try (FastKernel java = new FastKernel(2, false); FastKernel one = new FastKernel(1, true);
             FastKernel two = new FastKernel(2, true); FastKernel three = new FastKernel(3, true)) {
            for (int call = 1; call <= 3; call++) {
                Gradients expected = java.gradients(net, data, images, BiasGrad.EXACT);
                for (FastKernel fast : new FastKernel[] {one, two, three}) {
                    Gradients a = fast.gradients(net, data, images, BiasGrad.EXACT);
                    String where = "call " + call + ", " + fast.threads() + " thread(s): ";
                    for (int l = 0; l < net.layers(); l++) {
                        assertArrayEquals(expected.dW(l).toBinary(), a.dW(l).toBinary(), where + "dW" + (l + 1));
                        assertArrayEquals(expected.db(l).toBinary(), a.db(l).toBinary(), where + "db" + (l + 1));
                    }
                    assertEquals(Double.doubleToRawLongBits(expected.loss()), Double.doubleToRawLongBits(a.loss()),
                            where + "loss");
                }
            }
        }
    }

    /**
     * The dense sums with lists of what is inked, at every width the kernel or another processor
     * uses (4 in AVX2, 16 in AVX-512, which other widths take in AVX2), against the chains written
     * out here: every fused multiply-add over the inputs in order, blanks included. The lists are
     * made here too, from the images, so both the skipping and the order are checked.
     */
    @ParameterizedTest(name = "{0} images of {1} pixels, lists of {2}")
    @CsvSource({"1, 784, 4", "7, 784, 4", "129, 784, 4", "257, 100, 4", "7, 784, 16", "129, 100, 16",
        "40, 36, 8", "33, 784, 0"})
    void denseSumsSkipOnlyWhatIsBlank(int count, int pixels, int width) {
        assumeTrue(FastKernel.nativeSumsAvailable(), "no native sums here (no gcc at build, or no AVX2)");
        java.util.Random random = new java.util.Random(count * 31L + pixels + width);
        byte[] rows = new byte[count * pixels];
        for (int s = 0; s < count; s++) { // half inked, with runs blank in every image and in some
            for (int p = 0; p < pixels; p++) {
                boolean blank = p % 50 < 20 || (s % 3 == 0 && p % 11 < 4) || random.nextBoolean();
                rows[s * pixels + p] = blank ? 0 : (byte) (1 + random.nextInt(255));
            }
        }
        double[] input = new double[256];
        for (int b = 0; b < 256; b++) {
            input[b] = b / 255.0;
        }
        double[] w = new double[pixels * 10];
        double[] dz = new double[count * 10];
        for (int i = 0; i < w.length; i++) {
            w[i] = random.nextGaussian();
        }
        for (int i = 0; i < dz.length; i++) {
            dz[i] = random.nextGaussian() * (i % 7 == 0 ? -1e-3 : 1);
        }
        int[] identity = java.util.stream.IntStream.range(0, count).toArray();
        double[] forward = new double[count * 10];
        double[] columns = new double[pixels * 10];
        for (int s = 0; s < count; s++) {
            for (int j = 0; j < 10; j++) {
                double z = 0;
                for (int p = 0; p < pixels; p++) {
                    z = Math.fma(input[rows[s * pixels + p] & 0xff], w[p * 10 + j], z);
                }
                forward[s * 10 + j] = z;
            }
        }
        for (int p = 0; p < pixels; p++) {
            for (int j = 0; j < 10; j++) {
                double g = 0;
                for (int s = 0; s < count; s++) {
                    g = Math.fma(input[rows[s * pixels + p] & 0xff], dz[s * 10 + j], g);
                }
                columns[p * 10 + j] = g;
            }
        }
        int[] pixelStart = null;
        char[] pixelList = null;
        int[] sampleStart = null;
        char[] sampleList = null;
        if (width > 0) {
            int blocks = (count + width - 1) / width;
            pixelStart = new int[blocks + 1];
            pixelList = new char[blocks * pixels];
            for (int b = 0, k = 0; b < blocks; b++) {
                for (int p = 0; p < pixels; p++) {
                    boolean inked = false;
                    for (int s = b * width; s < Math.min(count, b * width + width); s++) {
                        inked |= rows[s * pixels + p] != 0;
                    }
                    if (inked) {
                        pixelList[k++] = (char) p;
                    }
                }
                pixelStart[b + 1] = k;
            }
            int groups = pixels / width;
            sampleStart = new int[groups + 1];
            sampleList = new char[groups * count];
            for (int g = 0, k = 0; g < groups; g++) {
                for (int s = 0; s < count; s++) {
                    boolean inked = false;
                    for (int p = g * width; p < g * width + width; p++) {
                        inked |= rows[s * pixels + p] != 0;
                    }
                    if (inked) {
                        sampleList[k++] = (char) s;
                    }
                }
                sampleStart[g + 1] = k;
            }
            assertTrue(pixelStart[blocks] < blocks * pixels && sampleStart[groups] < groups * count, "some are skipped");
        }
        int listWidth = Math.max(4, width);
        double[] got = new double[count * 10];
        NativeSums.denseSums(w, rows, pixels, input, identity, 0, count, got, false, null, pixelStart, pixelList,
                listWidth);
        assertArrayEquals(binary(forward), binary(got), "forward");
        got = new double[pixels * 10];
        NativeSums.denseSums(dz, rows, pixels, input, identity, 0, count, got, true, null, sampleStart, sampleList,
                listWidth);
        assertArrayEquals(binary(columns), binary(got), "dW1^T");
    }

    private static long[] binary(double[] values) {
        return java.util.Arrays.stream(values).mapToLong(Double::doubleToRawLongBits).toArray();
    }

    @ParameterizedTest(name = "{0}, batch {1}")
    @CsvSource({"784-10-10, 1301", "784-10-10, 64", "784-18-10, 1301", "784-3-10, 200", "784-17-5-10, 1301",
        "784-64-32-10, 64", "784-40-10, 300", "784-16-10, 1301", "784-257-129-10, 128", "784-129-7-10, 1301",
        "784-44-12-1-10, 37", "784-256-128-10, 1",
        // the native first layer's blocks: two whole ones of 48 lanes, 44s ending in 36, 48s ending in 32
        "784-96-10, 300", "784-256-10, 200", "784-512-10, 70"})
    void nativeSumsGiveTheSameBitsAsTheJavaSums(String spec, int batch) {
        assumeTrue(FastKernel.nativeSumsAvailable(), "no native sums here (no gcc at build, or no AVX2)");
        Network net = network(spec);
        int[] images = batch == DATA.size() ? TestData.range(batch) : spread(batch);
        try (FastKernel fast = new FastKernel(2, true); FastKernel java = new FastKernel(2, false)) {
            assertTrue(fast.nativeSums());
            assertTrue(!java.nativeSums());
            Gradients a = fast.gradients(net, DATA, images, BiasGrad.EXACT);
            Gradients b = java.gradients(net, DATA, images, BiasGrad.EXACT);
            for (int l = 0; l < net.layers(); l++) {
                assertArrayEquals(b.dW(l).toBinary(), a.dW(l).toBinary(), "dW" + (l + 1));
                assertArrayEquals(b.db(l).toBinary(), a.db(l).toBinary(), "db" + (l + 1));
            }
            assertEquals(Double.doubleToRawLongBits(b.loss()), Double.doubleToRawLongBits(a.loss()), "loss");
            Evaluation ea = fast.evaluate(net, DATA, images);
            Evaluation eb = java.evaluate(net, DATA, images);
            assertArrayEquals(eb.predictions(), ea.predictions());
            assertEquals(Double.doubleToRawLongBits(eb.loss()), Double.doubleToRawLongBits(ea.loss()), "evaluation loss");
        }
    }

    /**
     * After the first calls have sized its buffers, training allocates nothing in the kernel: not
     * on the calling thread, not on its helpers, whether full batch, mini-batch or the accuracy that
     * training measures after every update.
     */
    @ParameterizedTest(name = "{0} thread(s), native sums {1}")
    @CsvSource({"1, true", "2, true", "2, false"})
    void steadyStateTrainingAllocatesNothing(int threads, boolean nativeSums) {
        com.sun.management.ThreadMXBean mx =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        Network net = network("784-12-8-6-10");
        int[] all = TestData.range(DATA.size());
        int[] batch = spread(64);
        int[] test = TestData.range(300);
        try (FastKernel kernel = new FastKernel(threads, nativeSums)) {
            for (int i = 0; i < 20; i++) {
                kernel.gradients(net, DATA, all, BiasGrad.EXACT);
                kernel.gradients(net, DATA, batch, BiasGrad.SEED);
                kernel.accuracy(net, DATA, test);
            }
            long[] helpers = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("mnist-kernel-")).mapToLong(Thread::getId).toArray();
            long helpersBefore = java.util.stream.LongStream.of(mx.getThreadAllocatedBytes(helpers)).sum();
            long before = mx.getCurrentThreadAllocatedBytes();
            int calls = 0;
            for (int i = 0; i < 100; i++, calls += 3) {
                kernel.gradients(net, DATA, all, BiasGrad.EXACT);
                kernel.gradients(net, DATA, batch, BiasGrad.SEED);
                kernel.accuracy(net, DATA, test);
            }
            long caller = mx.getCurrentThreadAllocatedBytes() - before;
            long helpersAfter = java.util.stream.LongStream.of(mx.getThreadAllocatedBytes(helpers)).sum();
            assertEquals(threads - 1, helpers.length, "helper threads");
            // Less than the smallest object (16 bytes) a call: a collection started by another
            // thread may count a few bytes once (seen: 64) when it retires this thread's buffer.
            assertTrue(caller < 16L * calls, caller + " bytes allocated by the calling thread in " + calls + " calls");
            assertTrue(helpersAfter - helpersBefore < 16L * calls,
                    (helpersAfter - helpersBefore) + " bytes allocated by the helper threads in " + calls + " calls");
        }
    }

    private static Network network(String spec) {
        return network(spec, "leaky-relu");
    }

    private static Network network(String spec, String act) {
        int[] sizes = java.util.Arrays.stream(spec.split("-")).mapToInt(Integer::parseInt).toArray();
        Network net = Network.create(sizes, Activation.named(act, 0.01), Init.HE, 11);
        for (int l = 0; l < net.layers(); l++) {
            for (int i = 0; i < net.biases(l).rows(); i++) {
                net.biases(l).set(i, 0, 0.05 * (i % 3 - 1));
            }
        }
        return net;
    }

    static double largest(Matrix m) {
        double max = 0;
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.columns(); j++) {
                max = Math.max(max, Math.abs(m.get(i, j)));
            }
        }
        return max;
    }

    /** Equal within 1e-9 of the largest entry; names the tensor and the worst entry when not. */
    static void assertClose(String name, Matrix expected, Matrix actual) {
        assertClose(name, expected, actual, 0);
    }

    /** Equal within 1e-9 of the largest entry or of {@code minScale}, whichever is larger. */
    static void assertClose(String name, Matrix expected, Matrix actual, double minScale) {
        double scale = minScale;
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

    /** Training keeps the gradients of the two updates before the last to undo them: they must stay whole. */
    @org.junit.jupiter.api.Test
    void gradientsReturnedStayWholeThroughTheTwoCallsAfter() {
        Network net = network("784-12-10", "relu");
        try (FastKernel kernel = new FastKernel(2)) {
            Gradients first = kernel.gradients(net, DATA, spread(64), BiasGrad.EXACT);
            double[][] copy = first.dW()[0].clone();
            for (int j = 0; j < copy.length; j++) {
                copy[j] = copy[j].clone();
            }
            double loss = first.loss();
            kernel.gradients(net, DATA, TestData.range(300), BiasGrad.EXACT);
            kernel.gradients(net, DATA, TestData.range(500), BiasGrad.SEED);
            for (int j = 0; j < copy.length; j++) {
                assertArrayEquals(copy[j], first.dW()[0][j], 0.0, "dW1 row " + j);
            }
            assertEquals(loss, first.loss());
        }
    }
}
