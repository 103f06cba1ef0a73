package mnistshell.nn;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import mnistshell.data.Dataset;
import mnistshell.nn.layer.Pass;
import mnistshell.nn.layer.Sequential;

/**
 * The fast path beside the la4j reference: the same gradients as {@link ReferenceEngine#gradients}
 * and the same evaluation as {@link ReferenceEngine#evaluate}, on the network's own arrays, over
 * every core. {@code FastKernelTest} holds it to the reference on every tensor.
 *
 * <p>A batch is cut into chunks, and each chunk goes through {@link #work}:
 * <ol>
 * <li>layer 1's sums for all its images at once ({@link NativeSums#pixelSums}, or
 *     {@link KernelSums#pixelSums} image by image): about 80% of MNIST's pixels are zero and
 *     skipped, exactly, since they add nothing ({@link SparseImages} lists the rest once per dataset);
 *     for a ten-wide layer on images more than a quarter inked, every pixel instead
 *     ({@link NativeSums#denseSums}); from the second call on a full batch, read from the chunk's
 *     own copy of its images ({@link KernelChunk#ready}), skipping pixels blank in a block of them,
 *     and in AVX-512 16 images along the vector from a copy laid out for it ({@link KernelChunk#panel});
 * <li>the chunk through the other layers, forward and back, layer by layer as matrix products
 *     ({@link KernelLayers}, {@link Products}), leaving every layer's activations and dz in the chunk;
 * <li>the chunk's dW and db from those ({@link KernelChunk#gradients}), layer 1's pixel by pixel
 *     ({@link NativeSums#columnSums} or the same sums in Java).
 * </ol>
 * Every weighted sum is one chain of fused multiply-adds per output, over its inputs in order, in
 * Java and in C alike (a zero input, skipped or not, adds nothing), so the native code changes no bit.
 *
 * <p>Determinism: a batch is cut into chunks whose size depends on the batch size alone, never on
 * the thread count; each chunk's sums are made alone and then added in chunk order, so the result
 * is the same bits on 1 thread or 8.
 *
 * <p>Allocation: after the first calls have sized its buffers, it allocates nothing (its helper
 * threads wait parked between calls; {@code FastKernelTest} counts the bytes). The gradients it
 * returns live in what it reuses, three in turn: each stays valid through the two calls after it.
 */
public final class FastKernel implements Engine {

    /** Chunk sizes lie between these; see {@link #chunkSize}. */
    static final int MIN_CHUNK = 32;
    static final int MAX_CHUNK = 512;

    private final int threads;
    private final boolean nativeSums;
    private final boolean nativeProducts;
    private final boolean nativeAsked;
    private final KernelThreads workers;
    private final IntConsumer work = this::work;
    private final IntConsumer copyWork = this::copyWork;
    private final IntConsumer sumWork = this::sumWork;
    private final AtomicInteger nextChunk = new AtomicInteger();
    /** The batch being run, for the workers. */
    private KernelBuffers jobBuffers;
    private Network jobNet;
    private Dataset jobData;
    private int[] jobIndices;
    private boolean jobBackward;
    private int jobCount;
    /** Where an evaluation's answers go, or null. */
    private int[] jobPredictions;
    private SparseImages sparse;
    private KernelBuffers buffers;
    /** Whether the chunks hold a gradients call's activations (see {@link #lastHiddenStats}). */
    private boolean lastWasGradients;
    /**
     * The hidden statistics of a gradients call, summed while the chunks are still being made: a
     * worker done with a chunk adds every finished chunk next in order (one at a time: statsBusy),
     * so the sums' order is the chunks', as when they are summed after the call. Done where the
     * last call's statistics were asked for ({@link #lastHiddenStats}), as training asks at every
     * update; otherwise they are summed when asked.
     */
    private HiddenStats.Sums runningSums;
    private final java.util.concurrent.atomic.AtomicBoolean statsBusy = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile int statsNext;
    private boolean statsInline;
    private boolean statsAsked;
    private boolean statsReady;
    private double[] statsScratch;
    /** What a layered network runs on, made when first wanted: the same threads and kind of code. */
    private LayerKernel layers;

    /** The kernel on {@code threads} threads, with the native sums and products where they are available. */
    public FastKernel(int threads) {
        this(threads, true);
    }

    /** As above; {@code nativeSums} false keeps every sum and product in plain Java (the same bits, slower). */
    public FastKernel(int threads, boolean nativeSums) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads " + threads);
        }
        this.threads = threads;
        this.nativeAsked = nativeSums;
        this.nativeSums = nativeSums && NativeSums.available();
        this.nativeProducts = nativeSums && NativeSums.productsAvailable();
        this.workers = new KernelThreads(threads);
    }

    public int threads() {
        return threads;
    }

    /** Whether the first layer's sums run in {@link NativeSums}. */
    public boolean nativeSums() {
        return nativeSums;
    }

    /** Whether this kernel was asked for native code (it runs what the machine has of it). */
    public boolean nativeAsked() {
        return nativeAsked;
    }

    /** Whether the layers above the first run their products in {@link NativeSums#products}. */
    public boolean nativeProducts() {
        return nativeProducts;
    }

    /** Whether this machine can run the native first-layer sums: the library is in the jar and the processor has AVX2. */
    public static boolean nativeSumsAvailable() {
        return NativeSums.available();
    }

    /** Whether the native first-layer sums of a ten-wide layer run in AVX-512 (wider layers run in AVX2 blocks). */
    public static boolean nativeSumsWide() {
        return NativeSums.wide();
    }

    /** Whether this machine can run the native products: the library is in the jar and the processor has AVX2 and FMA. */
    public static boolean nativeProductsAvailable() {
        return NativeSums.productsAvailable();
    }

    @Override
    public String name() {
        return "fast";
    }

    /**
     * About how many bytes the kernel's buffers take for a network of layer sizes {@code sizes}
     * trained on batches of {@code m} images: the weights' transposed copy, three gradients and
     * their sums, per chunk of a batch its own gradient sums and activations, and per worker (up to
     * four counted) the activations that evaluations share (see {@link KernelBuffers}); and for
     * the seed's ten-wide first layer, a full batch's images twice as bytes and the lists of their
     * ink (see {@link KernelChunk#ready}).
     */
    public static long bytesFor(int[] sizes, int m) {
        long weights = 0;
        long units = 0;
        for (int l = 0; l + 1 < sizes.length; l++) {
            weights += (long) sizes[l] * sizes[l + 1];
            units += sizes[l + 1];
        }
        int chunk = chunkSize(Math.max(1, m), sizes);
        long chunks = (Math.max(1, m) + chunk - 1) / chunk;
        long buffers = 6 * weights + 5 * units;
        long perChunk = weights + units + KernelActivations.doubles(sizes, chunk) + chunk;
        // a ten-wide first layer on dense images keeps a full batch's pixels again, as bytes, and lists of their
        // ink, as chars (KernelChunk): in AVX-512 a second copy and two lists of an eighth of a byte a pixel
        // each, 2.25 bytes a pixel in all; else two lists of half a byte each, 2 bytes
        long panels = sizes.length > 1 && sizes[1] == 10 ? 9L * (chunks * ((chunk + 15) / 16 * 16)) * sizes[0] / 4 : 0;
        return 8 * (buffers + chunks * perChunk + 4 * KernelActivations.doubles(sizes, MAX_CHUNK)) + panels;
    }

    /**
     * About four chunks a batch, within [MIN_CHUNK, MAX_CHUNK]; about two where a chunk's dW^T
     * would outgrow a core's L2 cache ({@value #WIDE} entries, 512 KB), as it does from
     * 784-256-128-10 on: every chunk's dW^T is written, read back and added up at every update,
     * and for wide networks that traffic costs more than the wider spread of four chunks gains.
     * A function of m and the sizes only, so that the sums' order is the same on any thread count.
     */
    static int chunkSize(int m, int[] sizes) {
        long weights = 0;
        for (int l = 0; l + 1 < sizes.length; l++) {
            weights += (long) sizes[l] * sizes[l + 1];
        }
        int parts = weights > WIDE ? 2 : 4;
        return Math.max(MIN_CHUNK, Math.min(MAX_CHUNK, (m + parts - 1) / parts));
    }

    /** Above this many weights a network counts as wide for {@link #chunkSize}. */
    static final int WIDE = 1 << 16;

    /** Equals {@link ReferenceEngine#gradients} with textbook bias gradients. */
    public Gradients gradients(Network net, Dataset data, int[] indices) {
        return gradients(net, data, indices, BiasGrad.EXACT);
    }

    /** Equals {@link ReferenceEngine#gradients}: mean gradients, loss and right answers over {@code indices}. */
    @Override
    public Gradients gradients(Network net, Dataset data, int[] indices, BiasGrad biasGrad) {
        if (net.isLayered()) {
            return gradients(net, data, indices, Pass.evaluation().withBiasGrad(biasGrad));
        }
        KernelBuffers b = prepare(net, data, indices.length);
        startStats(b, net);
        runChunks(b, net, data, indices, true);
        if (statsInline) {
            jobNet = net;
            addFinishedStats(b); // what no worker got to: none are busy now
            jobNet = null;
            statsReady = statsNext == b.chunks;
        }
        jobBuffers = b;
        jobCount = indices.length;
        each(sumWork);
        return b.reduce(indices.length, biasGrad);
    }

    /** A layered network's go to {@link LayerKernel#gradients}; a dense stack's as above, in {@code pass}'s bias mode. */
    @Override
    public Gradients gradients(Network net, Dataset data, int[] indices, Pass pass) {
        if (net.isLayered()) {
            lastWasGradients = false;
            return layers().gradients(net.sequential(), data, indices, pass);
        }
        return gradients(net, data, indices, pass.biasGrad());
    }

    /** A look inside runs on {@link LayerKernel#inside}, on every core. */
    @Override
    public boolean inside(Sequential net, Dataset data, int[] indices, LayerKernel.Inside inside) {
        layers().inside(net, data, indices, inside);
        return true;
    }

    private LayerKernel layers() {
        if (layers == null) {
            layers = new LayerKernel(threads, nativeAsked);
        }
        return layers;
    }

    /**
     * Equals the reference's: read from the non-zero activations each chunk kept for its dW, so no
     * pass of its own; valid until the next call (evaluate and accuracy reuse the chunks). Only
     * after a gradients call: evaluation chunks keep no activations.
     */
    @Override
    public HiddenStats lastHiddenStats(Network net) {
        if (buffers == null || !lastWasGradients || net.isLayered()) {
            return null;
        }
        statsAsked = true;
        if (statsReady) {
            return runningSums.stats();
        }
        HiddenStats.Sums sums = new HiddenStats.Sums(net.layers() - 1);
        double[] scratch = buffers.activityScratch(buffers.chunkSize);
        for (int c = 0; c < buffers.chunks; c++) {
            buffers.chunk[c].addActivity(net.hidden(), sums, scratch);
        }
        return sums.stats();
    }

    /** Equals {@link ReferenceEngine#evaluate}: loss, accuracy and predictions on images {@code indices}. */
    @Override
    public Evaluation evaluate(Network net, Dataset data, int[] indices) {
        if (net.isLayered()) {
            return layers().evaluate(net.sequential(), data, indices);
        }
        KernelBuffers b = prepare(net, data, indices.length);
        int[] predictions = new int[indices.length];
        jobPredictions = predictions;
        try {
            runChunks(b, net, data, indices, false);
        } finally {
            jobPredictions = null;
        }
        double loss = 0;
        int correct = 0;
        for (int c = 0; c < b.chunks; c++) {
            KernelChunk chunk = b.chunk[c];
            loss += chunk.loss;
            correct += chunk.correct;
        }
        return new Evaluation(indices.length == 0 ? 0 : loss / indices.length, correct, predictions);
    }

    /** As {@code evaluate(net, data, indices).accuracy()}, allocating nothing: training measures it at every update. */
    @Override
    public double accuracy(Network net, Dataset data, int[] indices) {
        if (net.isLayered()) {
            return layers().accuracy(net.sequential(), data, indices);
        }
        KernelBuffers b = prepare(net, data, indices.length);
        runChunks(b, net, data, indices, false);
        int correct = 0;
        for (int c = 0; c < b.chunks; c++) {
            correct += b.chunk[c].correct;
        }
        return indices.length == 0 ? 0 : (double) correct / indices.length;
    }

    /** Readies the hidden statistics' sums for a gradients call, if they are to be made during it. */
    private void startStats(KernelBuffers b, Network net) {
        statsInline = statsAsked && net.layers() > 1;
        statsAsked = false;
        statsReady = false;
        if (!statsInline) {
            return;
        }
        if (runningSums == null || runningSums.s.length != net.layers() - 1) {
            runningSums = new HiddenStats.Sums(net.layers() - 1);
        }
        runningSums.clear();
        statsScratch = b.activityScratch(b.chunkSize);
        for (int c = 0; c < b.chunks; c++) {
            b.chunk[c].finished = false;
        }
        statsNext = 0;
    }

    /**
     * Adds the finished chunks next in order into the running sums, unless another worker is at
     * it; then looks again, since a chunk may have finished while that worker was letting go.
     */
    private void addFinishedStats(KernelBuffers b) {
        while (statsNext < b.chunks && b.chunk[statsNext].finished && statsBusy.compareAndSet(false, true)) {
            try {
                int c = statsNext;
                for (; c < b.chunks && b.chunk[c].finished; c++) {
                    b.chunk[c].addActivity(jobNet.hidden(), runningSums, statsScratch);
                }
                statsNext = c;
            } finally {
                statsBusy.set(false);
            }
        }
    }

    /** KernelBuffers shaped for this network and batch size, W^T refreshed from the live weights. */
    private KernelBuffers prepare(Network net, Dataset data, int m) {
        if (sparse == null || !sparse.isOf(data)) {
            sparse = SparseImages.of(data);
        }
        int chunk = chunkSize(m, buffers != null && net.hasSizes(buffers.sizes) ? buffers.sizes : net.sizes());
        int chunks = Math.max(1, (m + chunk - 1) / chunk);
        if (buffers == null || !net.hasSizes(buffers.sizes) || buffers.chunk.length < chunks) {
            buffers = new KernelBuffers(net.sizes(), Math.max(chunks, 8), threads, nativeSums);
        }
        buffers.chunks = chunks;
        buffers.chunkSize = chunk;
        jobBuffers = buffers;
        jobNet = net;
        try {
            each(copyWork);
        } finally {
            jobNet = null;
        }
        buffers.wt0Finite = nativeSums && buffers.sizes[1] == 10 && KernelBuffers.allFinite(buffers.wt[0], buffers.wt[0].length);
        return buffers;
    }

    /** Runs {@code task} on every thread, or on the caller alone where one thread does the work anyway. */
    private void each(IntConsumer task) {
        if (jobBuffers.chunks == 1) {
            task.accept(-1);
        } else {
            workers.run(task);
        }
    }

    /** Worker {@code worker}'s share of refreshing W^T; -1: all of it. */
    private void copyWork(int worker) {
        jobBuffers.copyWeights(jobNet, Math.max(0, worker), worker < 0 ? 1 : threads);
    }

    /** Worker {@code worker}'s share of adding the chunks' dW; -1: all of it. */
    private void sumWork(int worker) {
        jobBuffers.sumRows(jobCount, Math.max(0, worker), worker < 0 ? 1 : threads);
    }

    /** Runs every chunk of the batch on every thread; the batch is kept in fields so that no task object is made. */
    private void runChunks(KernelBuffers b, Network net, Dataset data, int[] indices, boolean backward) {
        lastWasGradients = backward;
        // the activations are made here, not on whichever worker meets a chunk first, so that a
        // helper that happened to run no evaluation yet does not allocate later
        for (int c = 0; backward && c < b.chunks; c++) {
            b.chunk[c].own(b.chunkSize);
        }
        for (int t = 0; !backward && t < b.scratch.length; t++) {
            b.scratch[t].scratch(b.chunkSize);
        }
        jobBuffers = b;
        jobNet = net;
        jobData = data;
        jobIndices = indices;
        jobBackward = backward;
        nextChunk.set(0);
        try {
            if (b.chunks == 1) {
                work(0);
            } else {
                workers.run(work);
            }
        } finally {
            jobNet = null;
            jobData = null;
            jobIndices = null;
        }
    }

    /** Takes chunks off the shared counter until none are left; any chunk may land on any worker. */
    private void work(int worker) {
        KernelBuffers b = jobBuffers;
        Network net = jobNet;
        Dataset data = jobData;
        int[] indices = jobIndices;
        boolean backward = jobBackward;
        KernelLayers layers = b.scratch[worker];
        SparseImages x = sparse;
        for (int c = nextChunk.getAndIncrement(); c < b.chunks; c = nextChunk.getAndIncrement()) {
            KernelChunk chunk = b.chunk[c];
            chunk.from = c * b.chunkSize;
            chunk.to = Math.min(indices.length, chunk.from + b.chunkSize);
            chunk.clear();
            chunk.acts = backward ? chunk.own(b.chunkSize) : layers.scratch(b.chunkSize);
            double[] z1 = chunk.acts.z1;
            int n1 = b.sizes[1];
            int n0 = b.sizes[0];
            if (backward) {
                chunk.meet(x, indices);
            }
            chunk.dense = nativeSums && n1 == 10 && b.wt0Finite
                    && (backward ? chunk.inked : x.inked(indices, chunk.from, chunk.to));
            if (chunk.dense) {
                if (backward && chunk.ready(x, indices)) {
                    NativeSums.denseSums(b.wt[0], chunk.rows(), n0, x.input, b.identity, 0, chunk.to - chunk.from, z1,
                            false, chunk.panel(), chunk.inkedPixelsStart(), chunk.inkedPixels(), chunk.listWidth());
                } else {
                    NativeSums.denseSums(b.wt[0], x, indices, chunk.from, chunk.to, z1, false, null);
                }
            } else if (nativeSums) {
                NativeSums.pixelSums(b.wt[0], n1, x, indices, chunk.from, chunk.to, z1);
            } else {
                for (int s = chunk.from; s < chunk.to; s++) {
                    KernelSums.pixelSums(b.wt[0], n1, x, indices[s], z1, (s - chunk.from) * n1);
                }
            }
            layers.run(b, chunk, net, data, indices, backward, jobPredictions);
            if (backward) {
                chunk.gradients(x, indices, b.identity, b.ones, nativeSums, layers.products);
                if (statsInline) {
                    chunk.finished = true;
                    addFinishedStats(b);
                }
            }
        }
    }

    /** Over the kernel's threads, when there is work enough to repay waking them. */
    @Override
    public void inShares(int count, Shares task) {
        if (threads == 1 || count < 2) {
            task.run(0, count);
            return;
        }
        workers.run(w -> task.run(KernelBuffers.share(count, w, threads), KernelBuffers.share(count, w + 1, threads)));
    }

    @Override
    public void close() {
        workers.close();
        if (layers != null) {
            layers.close();
        }
    }
}
