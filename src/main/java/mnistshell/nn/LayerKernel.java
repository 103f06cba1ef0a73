package mnistshell.nn;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import mnistshell.data.Dataset;
import mnistshell.nn.layer.Pass;
import mnistshell.nn.layer.Sequential;

/**
 * The fast path of a {@link Sequential}, beside its la4j layers: the same mean gradients, loss
 * and right answers as {@link LayerReference} (that is, {@link Sequential#backward}), and the same
 * evaluation, on the network's own parameter arrays, over every core. Every layer kind runs as a
 * {@link LayerStep} on flat arrays; a convolution is im2col into its worker's patches buffer, then
 * matrix products ({@link Products}: each output one chain of fused multiply-adds over its inputs
 * in order, natively where the machine allows, the same bits either way).
 *
 * <p>Determinism: a batch is cut into chunks whose size depends on the batch size alone
 * ({@link #chunkSize}); each chunk's sums are made alone into a slot, and the slots are added onto
 * the batch's sums in chunk order, in rounds of {@link LayerPlan#SLOTS} chunks, so the result is
 * the same bits on any number of threads. Dropout draws the reference's own masks.
 *
 * <p>Allocation: after the first call on a network has sized its buffers, a gradients or accuracy
 * call allocates nothing (an evaluation only its answers); {@code LayerKernelTest} counts the bytes.
 * The gradients returned live in what it reuses, three in turn: each stays whole through the two
 * calls after it.
 */
public final class LayerKernel implements LayerEngine {

    /** The largest chunk: a worker's patches for 16 MNIST images at conv8k5 take 1.8 MB. */
    static final int MAX_CHUNK = 16;

    private final int threads;
    private final boolean nativeProducts;
    private final KernelThreads workers;
    private final IntConsumer chunkWork = this::chunkWork;
    private final IntConsumer sumWork = this::sumWork;
    private final AtomicInteger nextChunk = new AtomicInteger();
    private final double[] pixels = new double[256];
    private LayerPlan plan;
    /** The batch being run, for the workers; kept in fields so that no task object is made. */
    private Dataset jobData;
    private int[] jobIndices;
    private int jobChunk;
    private int jobFirst;
    private int jobLast;
    private boolean jobBackward;
    private int[] jobPredictions;
    private Inside jobInside;

    /**
     * What a look inside sees of each chunk after its forward pass, dropout off ({@link #inside}),
     * called on the kernel's threads, several chunks at once: the chunk's first image's place in
     * the indices, its images, and for each layer l of the stack its pre-activations z[l] (null
     * for a layer that has none, as pooling and dropout) and its output a[l + 1]. Image j's values
     * of a layer lie at [j * size, (j + 1) * size), position-major as every boundary is: a
     * convolution's (Ho Wo, C), the filter fastest. The arrays are the kernel's own: read them
     * during the call only.
     */
    @FunctionalInterface
    public interface Inside {
        void chunk(int from, int count, double[][] z, double[][] a);
    }

    /** On {@code threads} threads, with the native products where the machine has them. */
    public LayerKernel(int threads) {
        this(threads, true);
    }

    /** As above; {@code nativeCode} false keeps every product in plain Java (the same bits, slower). */
    public LayerKernel(int threads, boolean nativeCode) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads " + threads);
        }
        this.threads = threads;
        this.nativeProducts = nativeCode && NativeSums.productsAvailable();
        this.workers = new KernelThreads(threads);
    }

    public int threads() {
        return threads;
    }

    /** Whether its products run in {@link NativeSums#products}. */
    public boolean nativeProducts() {
        return nativeProducts;
    }

    @Override
    public String name() {
        return "fast";
    }

    /** About eight chunks a batch, so that three threads share a batch of 64 evenly; at most {@link #MAX_CHUNK}. */
    static int chunkSize(int m) {
        return Math.max(1, Math.min(MAX_CHUNK, (m + 7) / 8));
    }

    /** Equals {@link LayerReference#gradients}: see {@link LayerEngine#gradients}. */
    @Override
    public Gradients gradients(Sequential net, Dataset data, int[] indices, Pass pass) {
        if (indices.length == 0) {
            throw new IllegalArgumentException("a batch needs at least one image");
        }
        checkSamples(pass, indices);
        LayerPlan p = prepare(net, data, indices.length);
        for (LayerScratch s : p.scratch) {
            s.training = pass.training();
            s.seed = pass.seed();
            s.update = pass.update();
            s.samples = indices;
        }
        double[] totals = run(p, data, indices, true, null);
        return p.finish(indices.length, pass.biasGrad(), totals[0], (int) totals[1]);
    }

    /** Equals {@link LayerReference#evaluate}: loss, right answers and predictions, dropout off. */
    @Override
    public Evaluation evaluate(Sequential net, Dataset data, int[] indices) {
        int[] predictions = new int[indices.length];
        if (indices.length == 0) {
            return new Evaluation(0, 0, predictions);
        }
        double[] totals = run(evaluation(net, data, indices), data, indices, false, predictions);
        return new Evaluation(totals[0] / indices.length, (int) totals[1], predictions);
    }

    /** As {@code evaluate(net, data, indices).accuracy()}, allocating nothing. */
    @Override
    public double accuracy(Sequential net, Dataset data, int[] indices) {
        if (indices.length == 0) {
            return 0;
        }
        double[] totals = run(evaluation(net, data, indices), data, indices, false, null);
        return totals[1] / indices.length;
    }

    /**
     * The evaluation's forward pass over {@code indices} (dropout off), each chunk's layers handed
     * to {@code inside} as it is made: the fast path of a look inside ({@code activations}).
     */
    public void inside(Sequential net, Dataset data, int[] indices, Inside inside) {
        if (indices.length == 0) {
            return;
        }
        LayerPlan p = evaluation(net, data, indices);
        jobInside = inside;
        try {
            run(p, data, indices, false, null);
        } finally {
            jobInside = null;
        }
    }

    /** Refuses a pass whose sample indices are not the batch's: dropout's masks follow them. */
    static void checkSamples(Pass pass, int[] indices) {
        if (pass.samples() != null && !Arrays.equals(pass.samples(), indices)) {
            throw new IllegalArgumentException("the pass's samples are not the batch's images");
        }
    }

    private LayerPlan evaluation(Sequential net, Dataset data, int[] indices) {
        LayerPlan p = prepare(net, data, indices.length);
        for (LayerScratch s : p.scratch) {
            s.training = false;
        }
        return p;
    }

    /** The plan of {@code net}, made on its first call, its scratch sized for m, its weights refreshed. */
    private LayerPlan prepare(Sequential net, Dataset data, int m) {
        if (data.features() != net.in().size()) {
            throw new IllegalArgumentException("the images have " + data.features() + " values, the network takes "
                    + net.in());
        }
        if (plan == null || plan.net != net) {
            plan = new LayerPlan(net, threads, nativeProducts);
        }
        plan.reserve(chunkSize(m));
        plan.refresh();
        for (int raw = 0; raw < pixels.length; raw++) {
            pixels[raw] = data.input((byte) raw);
        }
        return plan;
    }

    /** The batch in rounds of chunks, each round's sums added in chunk order; returns (loss sum, right answers). */
    private double[] run(LayerPlan p, Dataset data, int[] indices, boolean backward, int[] predictions) {
        int chunk = chunkSize(indices.length);
        int chunks = (indices.length + chunk - 1) / chunk;
        jobData = data;
        jobIndices = indices;
        jobChunk = chunk;
        jobBackward = backward;
        jobPredictions = predictions;
        double loss = 0;
        int correct = 0;
        try {
            for (int first = 0; first < chunks; first += LayerPlan.SLOTS) {
                jobFirst = first;
                jobLast = Math.min(chunks, first + LayerPlan.SLOTS);
                nextChunk.set(first);
                each(chunkWork, jobLast - jobFirst);
                if (backward) {
                    each(sumWork, jobLast - jobFirst);
                    p.addBiases(jobFirst, jobLast);
                }
                for (int c = jobFirst; c < jobLast; c++) {
                    loss += p.slots[c - jobFirst].loss;
                    correct += p.slots[c - jobFirst].correct;
                }
            }
        } finally {
            jobData = null;
            jobIndices = null;
            jobPredictions = null;
        }
        double[] totals = p.totals;
        totals[0] = loss;
        totals[1] = correct;
        return totals;
    }

    /** On every thread, or on the caller alone when one chunk is all the work. */
    private void each(IntConsumer task, int chunks) {
        if (chunks == 1 || threads == 1) {
            task.accept(-1);
        } else {
            workers.run(task);
        }
    }

    /** Takes the round's chunks off the shared counter until none are left; any chunk may land on any worker. */
    private void chunkWork(int worker) {
        LayerPlan p = plan;
        LayerScratch s = p.scratch[Math.max(0, worker)];
        int m = jobIndices.length;
        for (int c = nextChunk.getAndIncrement(); c < jobLast; c = nextChunk.getAndIncrement()) {
            int from = c * jobChunk;
            int to = Math.min(m, from + jobChunk);
            p.run(s, jobData, jobIndices, from, to, pixels, p.slots[c - jobFirst], jobBackward, jobPredictions);
            if (jobInside != null) {
                jobInside.chunk(from, to - from, s.z, s.a);
            }
        }
    }

    /** Worker {@code worker}'s share of adding the round's dW; -1: all of it. */
    private void sumWork(int worker) {
        plan.addWeights(jobFirst, jobLast, Math.max(0, worker), worker < 0 ? 1 : threads);
    }

    @Override
    public void close() {
        workers.close();
    }
}
