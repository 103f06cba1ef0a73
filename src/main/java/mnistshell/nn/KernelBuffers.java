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
    /** Each worker's list of the chunks' dW^T for one layer, for {@link #sumRows}. */
    private final double[][][] partsOf;
    private final double[][] dbSum;
    int chunks;
    int chunkSize;
    /** Whether every entry of wt[0] is finite, for a ten-wide first layer: the native dense sums need it (see {@link NativeSums#denseSums}). */
    boolean wt0Finite;

    /** Whether wt[0] is laid out for the native sums. */
    private final boolean blocked;

    KernelBuffers(int[] sizes, int chunks, int threads, boolean nativeCode) {
        this.sizes = sizes;
        int layers = sizes.length - 1;
        wt = new double[layers][];
        w = new double[layers][];
        partsOf = new double[threads][chunks][];
        dbSum = new double[layers][];
        bias = new double[layers][];
        blocked = nativeCode && NativeSums.blocks(sizes[1]);
        for (int l = 0; l < layers; l++) {
            wt[l] = new double[l == 0 && blocked ? NativeSums.blockedLength(sizes[1], sizes[0])
                    : sizes[l] * sizes[l + 1]];
            w[l] = new double[l == 0 ? 0 : sizes[l] * sizes[l + 1]];
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
            // in tiles of eight units by eight inputs: eight rows of W read as they run and eight
            // cache lines of W^T written at a time (a pass over all of W's rows for each eight
            // inputs would read a cache line from each of hundreds of rows kilobytes apart)
            int width = l == 0 && blocked ? NativeSums.blockWidth(n) : n;
            for (int j0 = 0; j0 < n; j0 += TILE) {
                int j1 = Math.min(n, j0 + TILE);
                for (int i0 = from; i0 < to; i0 += TILE) {
                    int i1 = Math.min(to, i0 + TILE);
                    for (int j = j0; j < j1; j++) {
                        double[] row = live[j];
                        int at = l == 0 && blocked ? NativeSums.blocked(i0, j, n, sizes[0]) : i0 * n + j;
                        for (int i = i0; i < i1; i++, at += width) {
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
     * in chunk order, divided by m, written transposed into {@link #nextGradients}, eight by eight
     * (eight rows of dW written as they run). The same additions in the same order for every entry,
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
            double[] p0 = parts[0];
            double[] p1 = chunks > 1 ? parts[1] : null;
            for (int j0 = 0; j0 < n; j0 += TILE) {
                int j1 = Math.min(n, j0 + TILE);
                for (int i0 = share(sizes[l], worker, workers), end = share(sizes[l], worker + 1, workers); i0 < end;
                     i0 += TILE) {
                    int i1 = Math.min(end, i0 + TILE);
                    for (int j = j0; j < j1; j++) {
                        double[] row = out[j];
                        if (chunks == 1) {
                            for (int i = i0; i < i1; i++) {
                                row[i] = p0[i * n + j] / m;
                            }
                        } else if (chunks == 2) {
                            for (int i = i0; i < i1; i++) {
                                row[i] = (p0[i * n + j] + p1[i * n + j]) / m;
                            }
                        } else {
                            for (int i = i0; i < i1; i++) {
                                int k = i * n + j;
                                double sum = p0[k];
                                for (int c = 1; c < chunks; c++) {
                                    sum += parts[c][k];
                                }
                                row[i] = sum / m;
                            }
                        }
                    }
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
