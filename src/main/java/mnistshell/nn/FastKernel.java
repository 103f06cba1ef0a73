package mnistshell.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import mnistshell.data.Dataset;

/**
 * The fast path beside the la4j reference: the same gradients as {@link ReferenceEngine#gradients}
 * and the same evaluation as {@link ReferenceEngine#evaluate}, in plain Java on the network's own
 * arrays, over every core. {@code FastKernelTest} holds it to the reference on every tensor.
 *
 * <p>What makes it fast: samples go one at a time through forward and backward while their
 * activations are in cache; every layer is written as a sum of weight rows scaled by the inputs
 * ({@code z += a_i * W^T[i]}, {@code dW^T[i] += a_i * dz}), loops the JIT turns into vector code;
 * and inputs that are zero are skipped, exactly, since they add nothing: about 80% of MNIST's pixels
 * (found once per dataset, {@link SparseImages}) and every ReLU that is off.
 *
 * <p>Determinism: a batch is cut into chunks whose size depends on the batch size alone, never on
 * the thread count; each chunk's sums are made alone and then added in chunk order, so the result
 * is the same bits on 1 thread or 8.
 *
 * <p>Gradients it returns live in arrays it reuses: they are valid until its next call.
 */
public final class FastKernel implements Engine {

    /** Rows are padded with zeros to a multiple of this, so that every inner loop is whole blocks of 8. */
    static final int LANES = 8;

    /** Chunk sizes lie between these; see {@link #chunkSize}. */
    static final int MIN_CHUNK = 16;
    static final int MAX_CHUNK = 512;

    private final int threads;
    private final ExecutorService pool;
    private SparseImages sparse;
    private Buffers buffers;

    public FastKernel(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads " + threads);
        }
        this.threads = threads;
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, "mnist-kernel");
            t.setDaemon(true);
            return t;
        });
    }

    public int threads() {
        return threads;
    }

    @Override
    public String name() {
        return "fast";
    }

    /** About eight chunks a batch, within [MIN_CHUNK, MAX_CHUNK]: a function of m only. */
    static int chunkSize(int m) {
        return Math.max(MIN_CHUNK, Math.min(MAX_CHUNK, (m + 7) / 8));
    }

    /** Equals {@link ReferenceEngine#gradients} with textbook bias gradients. */
    public Gradients gradients(Network net, Dataset data, int[] indices) {
        return gradients(net, data, indices, BiasGrad.EXACT);
    }

    /** Equals {@link ReferenceEngine#gradients}: mean gradients, loss and right answers over {@code indices}. */
    @Override
    public Gradients gradients(Network net, Dataset data, int[] indices, BiasGrad biasGrad) {
        Buffers b = prepare(net, data, indices.length);
        runChunks(b, net, data, indices, true);
        return b.reduce(indices.length, biasGrad);
    }

    /** Equals {@link ReferenceEngine#evaluate}: loss, accuracy and predictions on images {@code indices}. */
    @Override
    public Evaluation evaluate(Network net, Dataset data, int[] indices) {
        Buffers b = prepare(net, data, indices.length);
        int[] predictions = new int[indices.length];
        runChunks(b, net, data, indices, false);
        double loss = 0;
        int correct = 0;
        for (int c = 0; c < b.chunks; c++) {
            Chunk chunk = b.chunk[c];
            loss += chunk.loss;
            correct += chunk.correct;
            System.arraycopy(chunk.predictions, 0, predictions, chunk.from, chunk.to - chunk.from);
        }
        return new Evaluation(indices.length == 0 ? 0 : loss / indices.length, correct, predictions);
    }

    /** Buffers shaped for this network and batch size, W^T refreshed from the live weights. */
    private Buffers prepare(Network net, Dataset data, int m) {
        if (sparse == null || !sparse.isOf(data)) {
            sparse = SparseImages.of(data);
        }
        int chunk = chunkSize(m);
        int chunks = Math.max(1, (m + chunk - 1) / chunk);
        if (buffers == null || !Arrays.equals(buffers.sizes, net.sizes()) || buffers.chunk.length < chunks) {
            buffers = new Buffers(net.sizes(), Math.max(chunks, 8), threads);
        }
        buffers.chunks = chunks;
        buffers.chunkSize = chunk;
        buffers.transposeWeights(net);
        return buffers;
    }

    private void runChunks(Buffers b, Network net, Dataset data, int[] indices, boolean backward) {
        AtomicInteger next = new AtomicInteger();
        if (pool == null || b.chunks == 1) {
            work(b, 0, next, net, data, indices, backward);
            return;
        }
        List<Future<?>> helpers = new ArrayList<>(threads - 1);
        for (int t = 1; t < threads; t++) {
            int worker = t;
            helpers.add(pool.submit(() -> work(b, worker, next, net, data, indices, backward)));
        }
        work(b, 0, next, net, data, indices, backward);
        for (Future<?> f : helpers) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    /** Takes chunks off the shared counter until none are left; any chunk may land on any worker. */
    private void work(Buffers b, int worker, AtomicInteger next, Network net, Dataset data, int[] indices,
                      boolean backward) {
        Sample scratch = b.scratch[worker];
        SparseImages x = sparse;
        for (int c = next.getAndIncrement(); c < b.chunks; c = next.getAndIncrement()) {
            Chunk chunk = b.chunk[c];
            chunk.from = c * b.chunkSize;
            chunk.to = Math.min(indices.length, chunk.from + b.chunkSize);
            chunk.clear(backward);
            for (int s = chunk.from; s < chunk.to; s++) {
                scratch.run(b, chunk, s - chunk.from, net, data, x, indices[s], backward);
            }
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    /** Everything reused from call to call: W^T, each chunk's sums, each worker's scratch, the result. */
    private static final class Buffers {
        final int[] sizes;
        /** wt[l] is W[l] transposed, (n_l, n_{l+1}) with rows padded, refreshed at every call. */
        final double[][][] wt;
        /** wp[l] is W[l], (n_{l+1}, n_l) with rows padded, for the backward pass. */
        final double[][][] wp;
        final Chunk[] chunk;
        final Sample[] scratch;
        /** The returned gradients, in the network's shapes. */
        final double[][][] dW;
        final double[][][] db;
        int chunks;
        int chunkSize;

        Buffers(int[] sizes, int chunks, int threads) {
            this.sizes = sizes;
            int layers = sizes.length - 1;
            wt = new double[layers][][];
            wp = new double[layers][][];
            dW = new double[layers][][];
            db = new double[layers][][];
            for (int l = 0; l < layers; l++) {
                wt[l] = new double[sizes[l]][padded(sizes[l + 1])];
                wp[l] = new double[sizes[l + 1]][padded(sizes[l])];
                dW[l] = new double[sizes[l + 1]][sizes[l]];
                db[l] = new double[sizes[l + 1]][1];
            }
            chunk = new Chunk[chunks];
            for (int c = 0; c < chunks; c++) {
                chunk[c] = new Chunk(sizes, MAX_CHUNK);
            }
            scratch = new Sample[threads];
            for (int t = 0; t < threads; t++) {
                scratch[t] = new Sample(sizes);
            }
        }

        void transposeWeights(Network net) {
            for (int l = 0; l < wt.length; l++) {
                double[][] w = net.weightValues(l);
                for (int j = 0; j < w.length; j++) {
                    System.arraycopy(w[j], 0, wp[l][j], 0, w[j].length);
                    for (int i = 0; i < w[j].length; i++) {
                        wt[l][i][j] = w[j][i];
                    }
                }
            }
        }

        /** Adds the chunks in order, divides by m, transposes back; SEED mode sums each layer's units. */
        Gradients reduce(int m, BiasGrad biasGrad) {
            Chunk total = chunk[0];
            for (int c = 1; c < chunks; c++) {
                total.add(chunk[c]);
            }
            for (int l = 0; l < dW.length; l++) {
                double[][] sumT = total.dWt[l];
                for (int i = 0; i < sumT.length; i++) {
                    for (int j = 0; j < dW[l].length; j++) {
                        dW[l][j][i] = sumT[i][j] / m;
                    }
                }
                double all = 0;
                for (int j = 0; j < db[l].length; j++) {
                    all += total.db[l][j];
                }
                for (int j = 0; j < db[l].length; j++) {
                    db[l][j][0] = (biasGrad == BiasGrad.EXACT ? total.db[l][j] : all) / m;
                }
            }
            return new Gradients(dW, db, total.loss / m, total.correct);
        }
    }

    /** One chunk's sums over its samples: dW^T and db (not yet averaged), loss, right answers, predictions. */
    private static final class Chunk {
        final double[][][] dWt;
        final double[][] db;
        final int[] predictions;
        int from;
        int to;
        double loss;
        int correct;

        Chunk(int[] sizes, int capacity) {
            int layers = sizes.length - 1;
            dWt = new double[layers][][];
            db = new double[layers][];
            for (int l = 0; l < layers; l++) {
                dWt[l] = new double[sizes[l]][padded(sizes[l + 1])];
                db[l] = new double[padded(sizes[l + 1])];
            }
            predictions = new int[capacity];
        }

        void clear(boolean backward) {
            loss = 0;
            correct = 0;
            if (backward) {
                for (int l = 0; l < dWt.length; l++) {
                    for (double[] row : dWt[l]) {
                        Arrays.fill(row, 0);
                    }
                    Arrays.fill(db[l], 0);
                }
            }
        }

        void add(Chunk o) {
            for (int l = 0; l < dWt.length; l++) {
                for (int i = 0; i < dWt[l].length; i++) {
                    double[] row = dWt[l][i];
                    double[] other = o.dWt[l][i];
                    for (int j = 0; j < row.length; j++) {
                        row[j] += other[j];
                    }
                }
                for (int j = 0; j < db[l].length; j++) {
                    db[l][j] += o.db[l][j];
                }
            }
            loss += o.loss;
            correct += o.correct;
        }
    }

    /** A worker's scratch for one sample: z, a and dz of every layer (a[0] is unused: the input is sparse). */
    private static final class Sample {
        final int[] sizes;
        final double[][] z;
        final double[][] a;
        final double[][] dz;
        double[][][] wp;

        Sample(int[] sizes) {
            this.sizes = sizes;
            z = new double[sizes.length][];
            a = new double[sizes.length][];
            dz = new double[sizes.length][];
            for (int l = 1; l < sizes.length; l++) {
                z[l] = new double[padded(sizes[l])];
                a[l] = new double[padded(sizes[l])];
                dz[l] = new double[padded(sizes[l])];
            }
        }

        /** Forward (and backward) for image {@code image}, added into {@code chunk} at position {@code k}. */
        void run(Buffers b, Chunk chunk, int k, Network net, Dataset data, SparseImages x, int image, boolean backward) {
            int label = data.label(image);
            forward(b.wt, net, data, x, image);
            wp = b.wp;
            int layers = sizes.length - 1;
            int classes = sizes[layers];
            double[] logits = z[layers];
            double[] p = a[layers];
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                max = Math.max(max, logits[c]);
            }
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                p[c] = Math.exp(logits[c] - max);
                sum += p[c];
            }
            for (int c = 0; c < classes; c++) {
                p[c] /= sum;
            }
            chunk.loss += Math.log(sum) - (logits[label] - max);
            int predicted = argmax(p, classes);
            chunk.predictions[k] = predicted;
            chunk.correct += predicted == label ? 1 : 0;
            if (backward) {
                backward(chunk, net, data, x, image, label);
            }
        }

        /** Equals {@link Network#forward}: z[l] = b + sum over non-zero inputs i of a_i * W^T[i]; a[l] = f(z[l]). */
        private void forward(double[][][] wt, Network net, Dataset data, SparseImages x, int image) {
            int layers = sizes.length - 1;
            Activation f = net.hidden();
            for (int l = 1; l <= layers; l++) {
                double[] out = z[l];
                double[][] bias = net.biasValues(l - 1);
                for (int j = 0; j < bias.length; j++) {
                    out[j] = bias[j][0];
                }
                double[][] w = wt[l - 1];
                if (l == 1) {
                    inputLayer(w, x, image, out);
                } else {
                    double[] in = a[l - 1];
                    for (int i = 0; i < sizes[l - 1]; i++) {
                        if (in[i] != 0) {
                            axpy(in[i], w[i], out);
                        }
                    }
                }
                if (l < layers) {
                    for (int j = 0; j < sizes[l]; j++) {
                        a[l][j] = f.apply(out[j]);
                    }
                }
            }
        }

        /**
         * out += sum over the image's non-zero pixels k of x_k * W^T[p_k], eight units at a time in
         * registers: going through memory instead would chain each pixel's sum on the last one's store.
         */
        private static void inputLayer(double[][] w, SparseImages x, int image, double[] out) {
            double[] input = x.input;
            int from = x.start[image];
            int to = x.start[image + 1];
            for (int j = 0; j < out.length; j += 8) {
                double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
                for (int k = from; k < to; k++) {
                    double v = input[x.value[k] & 0xFF];
                    double[] row = w[x.index[k]];
                    s0 += v * row[j];
                    s1 += v * row[j + 1];
                    s2 += v * row[j + 2];
                    s3 += v * row[j + 3];
                    s4 += v * row[j + 4];
                    s5 += v * row[j + 5];
                    s6 += v * row[j + 6];
                    s7 += v * row[j + 7];
                }
                out[j] += s0;
                out[j + 1] += s1;
                out[j + 2] += s2;
                out[j + 3] += s3;
                out[j + 4] += s4;
                out[j + 5] += s5;
                out[j + 6] += s6;
                out[j + 7] += s7;
            }
        }

        /**
         * Equals {@link Network#backward} before its division by m, adding into {@code chunk}:
         * dz_L = p - onehot; dW^T[l][i] += a_l[i] * dz_{l+1}; db[l] += dz_{l+1};
         * dz_l = (sum_j dz_{l+1}[j] * W[l][j]) * f'(z_l).
         */
        private void backward(Chunk chunk, Network net, Dataset data, SparseImages x, int image, int label) {
            int layers = sizes.length - 1;
            double[] top = dz[layers];
            for (int c = 0; c < sizes[layers]; c++) {
                top[c] = a[layers][c] - (c == label ? 1 : 0);
            }
            Activation f = net.hidden();
            for (int l = layers - 1; l >= 0; l--) {
                double[] d = dz[l + 1];
                double[][] gwt = chunk.dWt[l];
                axpy(1.0, d, chunk.db[l]);
                if (l == 0) {
                    for (int k = x.start[image], end = x.start[image + 1]; k < end; k++) {
                        axpy(x.input[x.value[k] & 0xFF], d, gwt[x.index[k]]);
                    }
                    break;
                }
                double[] in = a[l];
                for (int i = 0; i < sizes[l]; i++) {
                    if (in[i] != 0) {
                        axpy(in[i], d, gwt[i]);
                    }
                }
                double[] below = dz[l];
                Arrays.fill(below, 0);
                double[][] w = wp[l];
                for (int j = 0; j < sizes[l + 1]; j++) {
                    if (d[j] != 0) {
                        axpy(d[j], w[j], below);
                    }
                }
                for (int i = 0; i < sizes[l]; i++) {
                    below[i] *= f.derivative(z[l][i]);
                }
            }
        }
    }

    private static int argmax(double[] p, int n) {
        int best = 0;
        for (int i = 1; i < n; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }

    /** n rounded up to whole blocks of {@link #LANES}. */
    static int padded(int n) {
        return (n + LANES - 1) / LANES * LANES;
    }

    /**
     * y += alpha * x over arrays padded to whole blocks of 8 (the padding stays zero). Written out
     * eight at a time because the rows are short (10 for the seed's network): a plain loop would
     * spend more on its start and its tail than on the arithmetic.
     */
    static void axpy(double alpha, double[] x, double[] y) {
        for (int j = 0; j + 7 < y.length; j += 8) {
            y[j] += alpha * x[j];
            y[j + 1] += alpha * x[j + 1];
            y[j + 2] += alpha * x[j + 2];
            y[j + 3] += alpha * x[j + 3];
            y[j + 4] += alpha * x[j + 4];
            y[j + 5] += alpha * x[j + 5];
            y[j + 6] += alpha * x[j + 6];
            y[j + 7] += alpha * x[j + 7];
        }
    }
}
