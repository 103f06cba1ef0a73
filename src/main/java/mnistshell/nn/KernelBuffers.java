package mnistshell.nn;

import java.util.Arrays;

/**
 * The fast kernel's storage, reused from call to call so that steady-state training allocates no
 * arrays: W^T, each chunk's sums, each worker's scratch, and the gradients returned.
 */
final class KernelBuffers {
    final int[] sizes;
    /**
     * wt[l] is W[l] transposed, (n_l, n_{l+1}), flat (row i at i * n_{l+1}), refreshed at every
     * call; for the native sums, wt[0] is blocked instead ({@link NativeSums#blocked}).
     */
    final double[][] wt;
    /** w[l] is W[l] as it is, (n_{l+1}, n_l), flat (row j at j * n_l), for l >= 1, refreshed at every call. */
    final double[][] w;
    /** bias[l] is b[l] flat, refreshed at every call: read for every sample, where b[l]'s rows of one would each be a cache line apart. */
    final double[][] bias;
    /** 0, 1, 2, ... and 1.0, 1.0, ...: as many as the largest of a layer and a chunk. */
    final int[] identity;
    final double[] ones;
    final KernelChunk[] chunk;
    final KernelLayers[] scratch;
    /**
     * The returned gradients, in the network's shapes, filled in turn, so that those of the two
     * calls before the last stay whole: training can undo two updates and still show the
     * gradients of the update it went back to. The sums they are made from.
     */
    static final int KEPT = 3;
    /** Rows and columns transposed at once: eight doubles are one cache line. */
    private static final int TILE = 8;
    private final Gradients[] gradients = new Gradients[KEPT];
    private int nextGradients;
    /** Where {@link #sumRows} adds up many chunks' dW^T first. */
    private final double[][] dWtSum;
    /** Each worker's list of the chunks' dW^T for one layer, for {@link #sumRows}. */
    private final double[][][] partsOf;
    private final double[][] dbSum;
    int chunks;
    int chunkSize;
    /** Whether every entry of wt[0] is finite, for a ten-wide first layer: the native dense sums need it (see {@link NativeSums#denseSums}). */
    boolean wt0Finite;

    /** Whether wt[0] is laid out for the native sums. */
    private final boolean blocked;
    /** For W1^T blocked: {@link NativeSums#blocked}(0, j, ...) for each unit j, and the blocks' width (so that the copy divides nothing). */
    private final int[] blockStart;
    private final int blockWidth;

    KernelBuffers(int[] sizes, int chunks, int threads, boolean nativeCode) {
        this.sizes = sizes;
        int layers = sizes.length - 1;
        wt = new double[layers][];
        w = new double[layers][];
        partsOf = new double[threads][chunks][];
        dWtSum = new double[layers][];
        dbSum = new double[layers][];
        bias = new double[layers][];
        blocked = nativeCode && NativeSums.blocks(sizes[1]);
        blockWidth = blocked ? NativeSums.blockWidth(sizes[1]) : 0;
        blockStart = new int[blocked ? sizes[1] : 0];
        for (int j = 0; j < blockStart.length; j++) {
            blockStart[j] = NativeSums.blocked(0, j, sizes[1], sizes[0]);
        }
        for (int l = 0; l < layers; l++) {
            wt[l] = new double[l == 0 && blocked ? NativeSums.blockedLength(sizes[1], sizes[0])
                    : sizes[l] * sizes[l + 1]];
            w[l] = new double[l == 0 ? 0 : sizes[l] * sizes[l + 1]];
            dWtSum[l] = new double[sizes[l] * sizes[l + 1]];
            dbSum[l] = new double[sizes[l + 1]];
            bias[l] = new double[sizes[l + 1]];
        }
        int most = FastKernel.MAX_CHUNK;
        for (int n : sizes) {
            most = Math.max(most, n);
        }
        identity = new int[most];
        ones = new double[most];
        for (int i = 0; i < most; i++) {
            identity[i] = i;
            ones[i] = 1;
        }
        for (int k = 0; k < KEPT; k++) {
            double[][][] dW = new double[layers][][];
            double[][][] db = new double[layers][][];
            for (int l = 0; l < layers; l++) {
                dW[l] = new double[sizes[l + 1]][sizes[l]];
                db[l] = new double[sizes[l + 1]][1];
            }
            gradients[k] = new Gradients(dW, db, 0, 0);
        }
        chunk = new KernelChunk[chunks];
        for (int c = 0; c < chunks; c++) {
            chunk[c] = new KernelChunk(sizes);
        }
        scratch = new KernelLayers[threads];
        for (int t = 0; t < threads; t++) {
            scratch[t] = new KernelLayers(sizes, nativeCode);
        }
    }

    /**
     * Copies the live weights into {@link #wt} and {@link #w}: worker {@code worker}'s share of
     * {@code workers}, by rows of W^T (so the shares never write the same entry).
     */
    void copyWeights(Network net, int worker, int workers) {
        for (int l = 0; l < wt.length; l++) {
            double[][] live = net.weightValues(l);
            double[] t = wt[l];
            int n = live.length;
            int from = share(sizes[l], worker, workers);
            int to = share(sizes[l], worker + 1, workers);
            // eight units at a time, their eight rows of W read side by side down the inputs and each
            // input's eight entries of W^T written as one run (a cache line); measured 1.5x faster
            // than 8x8 tiles, which write eight lines a column at a time
            boolean inBlocks = l == 0 && blocked;
            int width = inBlocks ? blockWidth : n;
            for (int j0 = 0; j0 < n; j0 += TILE) {
                int j1 = Math.min(n, j0 + TILE);
                int base = inBlocks ? blockStart[j0] : j0; // NativeSums.blocked(0, j0, ...), without its divisions
                if (j1 - j0 == 8 && (!inBlocks || blockStart[j0 + 7] == base + 7)) { // one run in W^T's rows
                    double[] r0 = live[j0], r1 = live[j0 + 1], r2 = live[j0 + 2], r3 = live[j0 + 3];
                    double[] r4 = live[j0 + 4], r5 = live[j0 + 5], r6 = live[j0 + 6], r7 = live[j0 + 7];
                    for (int i = from, at = base + from * width; i < to; i++, at += width) {
                        t[at] = r0[i];
                        t[at + 1] = r1[i];
                        t[at + 2] = r2[i];
                        t[at + 3] = r3[i];
                        t[at + 4] = r4[i];
                        t[at + 5] = r5[i];
                        t[at + 6] = r6[i];
                        t[at + 7] = r7[i];
                    }
                } else {
                    for (int j = j0; j < j1; j++) {
                        double[] row = live[j];
                        for (int i = from, at = (inBlocks ? blockStart[j] : j) + from * width; i < to; i++, at += width) {
                            t[at] = row[i];
                        }
                    }
                }
            }
            for (int j = share(n, worker, workers), end = share(n, worker + 1, workers); l > 0 && j < end; j++) {
                System.arraycopy(live[j], 0, w[l], j * sizes[l], sizes[l]);
            }
            double[][] b = net.biasValues(l);
            for (int j = share(n, worker, workers), end = share(n, worker + 1, workers); j < end; j++) {
                bias[l][j] = b[j][0];
            }
        }
    }

    /** A chunk's hidden layer unit by unit, for {@link KernelChunk#addActivity}: made at the first call, or remade larger. */
    private double[] activityScratch = new double[0];

    /** At least {@code samples} times the widest hidden layer, for {@link KernelChunk#addActivity}. */
    double[] activityScratch(int samples) {
        int widest = 0;
        for (int l = 1; l < sizes.length - 1; l++) {
            widest = Math.max(widest, sizes[l]);
        }
        if (activityScratch.length < (long) widest * samples) {
            activityScratch = new double[widest * samples];
        }
        return activityScratch;
    }

    /** Whether a[0 .. count) are all finite. */
    static boolean allFinite(double[] a, int count) {
        for (int i = 0; i < count; i++) {
            if (!Double.isFinite(a[i])) {
                return false;
            }
        }
        return true;
    }

    /** Where share {@code k} of {@code count} items cut into {@code workers} begins. */
    static int share(int count, int k, int workers) {
        return (int) ((long) count * k / workers);
    }

    /** The gradients the next {@link #reduce} fills: {@link #sumRows} writes into them first. */
    Gradients nextGradients() {
        return gradients[nextGradients];
    }

    /**
     * Worker {@code worker}'s share of the chunks' dW sums, by rows of dW^T: each entry the chunks'
     * in chunk order, divided by m, written transposed into {@link #nextGradients}, eight rows of
     * dW at a time. The same additions in the same order for every entry,
     * whichever worker makes them, so the same bits on any thread count; and no pass of its own to
     * add up the chunks first (a pass over every chunk's dW^T and a written sum saved).
     */
    void sumRows(int m, int worker, int workers) {
        double[][][] dW = gradients[nextGradients].dW();
        double[][] parts = partsOf[worker];
        for (int l = 0; l < dW.length; l++) {
            double[][] out = dW[l];
            int n = out.length;
            for (int c = 0; c < chunks; c++) {
                parts[c] = chunk[c].dWt()[l];
            }
            int from = share(sizes[l], worker, workers);
            int to = share(sizes[l], worker + 1, workers);
            int adds = chunks;
            if (chunks > 2) { // many chunks (a full batch): added up first, chunk by chunk, as runs of memory
                double[] sum = dWtSum[l];
                System.arraycopy(parts[0], from * n, sum, from * n, (to - from) * n);
                for (int c = 1; c < chunks; c++) {
                    double[] part = parts[c];
                    for (int k = from * n, end = to * n; k < end; k++) {
                        sum[k] += part[k];
                    }
                }
                parts[0] = sum;
                adds = 1;
            }
            double[] p0 = parts[0];
            // eight rows of dW at a time, written side by side down the inputs, each input's eight
            // entries of every chunk's dW^T read as one run (as copyWeights, the other way round)
            int j0 = 0;
            for (; j0 + TILE <= n; j0 += TILE) {
                double[] o0 = out[j0], o1 = out[j0 + 1], o2 = out[j0 + 2], o3 = out[j0 + 3];
                double[] o4 = out[j0 + 4], o5 = out[j0 + 5], o6 = out[j0 + 6], o7 = out[j0 + 7];
                for (int i = from, k = from * n + j0; i < to; i++, k += n) {
                    double s0 = p0[k], s1 = p0[k + 1], s2 = p0[k + 2], s3 = p0[k + 3];
                    double s4 = p0[k + 4], s5 = p0[k + 5], s6 = p0[k + 6], s7 = p0[k + 7];
                    for (int c = 1; c < adds; c++) { // added in chunk order, entry by entry
                        double[] pc = parts[c];
                        s0 += pc[k];
                        s1 += pc[k + 1];
                        s2 += pc[k + 2];
                        s3 += pc[k + 3];
                        s4 += pc[k + 4];
                        s5 += pc[k + 5];
                        s6 += pc[k + 6];
                        s7 += pc[k + 7];
                    }
                    o0[i] = s0;
                    o1[i] = s1;
                    o2[i] = s2;
                    o3[i] = s3;
                    o4[i] = s4;
                    o5[i] = s5;
                    o6[i] = s6;
                    o7[i] = s7;
                }
                for (int t = 0; t < TILE; t++) { // the divisions apart, a row at a time, where they run as vectors
                    double[] row = out[j0 + t];
                    for (int i = from; i < to; i++) {
                        row[i] /= m;
                    }
                }
            }
            for (int j = j0; j < n; j++) {
                double[] row = out[j];
                for (int i = from; i < to; i++) {
                    int k = i * n + j;
                    double sum = p0[k];
                    for (int c = 1; c < adds; c++) {
                        sum += parts[c][k];
                    }
                    row[i] = sum / m;
                }
            }
        }
    }

    /**
     * Completes the gradients whose dW {@link #sumRows} made: db (SEED mode sums each layer's
     * units), loss and right answers, and moves on to the next of the {@link #KEPT}.
     */
    Gradients reduce(int m, BiasGrad biasGrad) {
        Gradients g = gradients[nextGradients];
        nextGradients = (nextGradients + 1) % KEPT;
        double[][][] db = g.db();
        double loss = 0;
        int correct = 0;
        for (int c = 0; c < chunks; c++) {
            loss += chunk[c].loss;
            correct += chunk[c].correct;
        }
        for (int l = 0; l < db.length; l++) {
            double[] unit = dbSum[l];
            Arrays.fill(unit, 0);
            double all = 0;
            for (int j = 0; j < unit.length; j++) {
                for (int c = 0; c < chunks; c++) {
                    unit[j] += chunk[c].db()[l][j];
                }
                all += unit[j];
            }
            for (int j = 0; j < unit.length; j++) {
                db[l][j][0] = (biasGrad == BiasGrad.EXACT ? unit[j] : all) / m;
            }
        }
        g.set(loss / m, correct);
        return g;
    }
}
