package mnistshell.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import mnistshell.data.Dataset;

/**
 * The fast path beside the la4j reference: the same full-batch gradients as
 * {@link Trainer#gradients} (and evaluation as {@link Trainer#evaluate}), computed in plain Java on
 * the network's own arrays, forward and backward fused per block of {@value #BLOCK} samples, over
 * every core.
 *
 * <p>Determinism: the images are cut into chunks whose size depends on the batch size alone, never
 * on the thread count;
 * each chunk's sums are computed alone and then added in chunk order, so the result is the same
 * bits on 1 thread or 8. {@code FastKernelTest} holds it to the reference on every tensor.
 */
public final class FastKernel implements Engine {

    /** Chunk sizes lie between these; see {@link #chunkSize}. */
    static final int MIN_CHUNK = 16;
    static final int MAX_CHUNK = 512;
    static final int BLOCK = 4;

    private final int threads;
    private final ExecutorService pool;

    public FastKernel(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads " + threads);
        }
        this.threads = threads;
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, r -> {
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

    /** About eight chunks a batch, a multiple of the block, within [MIN_CHUNK, MAX_CHUNK]: a function of m only. */
    static int chunkSize(int m) {
        int eighth = (m + 7) / 8;
        int blocks = (eighth + BLOCK - 1) / BLOCK * BLOCK;
        return Math.max(MIN_CHUNK, Math.min(MAX_CHUNK, blocks));
    }

    /** Equals {@link ReferenceEngine#gradients} with textbook bias gradients. */
    public Gradients gradients(Network net, Dataset data, int[] indices) {
        return gradients(net, data, indices, BiasGrad.EXACT);
    }

    /** Equals {@link ReferenceEngine#gradients}: mean gradients and loss over images {@code indices} of {@code data}. */
    @Override
    public Gradients gradients(Network net, Dataset data, int[] indices, BiasGrad biasGrad) {
        Partial[] parts = runChunks(net, data, indices, true);
        Partial total = parts[0];
        for (int c = 1; c < parts.length; c++) {
            total.add(parts[c]);
        }
        return total.toGradients(indices.length, biasGrad);
    }

    /** Equals {@link ReferenceEngine#evaluate}: loss, accuracy and predictions on images {@code indices}. */
    @Override
    public Evaluation evaluate(Network net, Dataset data, int[] indices) {
        Partial[] parts = runChunks(net, data, indices, false);
        int[] predictions = new int[indices.length];
        double loss = 0;
        int correct = 0;
        for (Partial p : parts) {
            loss += p.loss;
            correct += p.correct;
            System.arraycopy(p.predictions, 0, predictions, p.from, p.predictions.length);
        }
        return new Evaluation(indices.length == 0 ? 0 : loss / indices.length, correct, predictions);
    }

    private Partial[] runChunks(Network net, Dataset data, int[] indices, boolean backward) {
        int chunk = chunkSize(indices.length);
        int chunks = Math.max(1, (indices.length + chunk - 1) / chunk);
        Partial[] parts = new Partial[chunks];
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            Pass scratch = new Pass(net.sizes());
            for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                int from = c * chunk;
                int to = Math.min(indices.length, from + chunk);
                parts[c] = scratch.chunk(net, data, indices, from, to, backward);
            }
        };
        if (pool == null || chunks == 1) {
            worker.run();
            return parts;
        }
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            running.add(pool.submit(worker));
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        return parts;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    /** One chunk's sums: dW and db summed (not averaged) over its samples, loss summed, predictions. */
    private static final class Partial {
        final int from;
        final double[][][] dW;
        final double[][] db;
        final int[] predictions;
        double loss;
        int correct;

        Partial(int[] sizes, int from, int count, boolean backward) {
            this.from = from;
            int layers = sizes.length - 1;
            dW = backward ? new double[layers][][] : null;
            db = backward ? new double[layers][] : null;
            for (int l = 0; backward && l < layers; l++) {
                dW[l] = new double[sizes[l + 1]][sizes[l]];
                db[l] = new double[sizes[l + 1]];
            }
            predictions = new int[count];
        }

        void add(Partial o) {
            for (int l = 0; l < dW.length; l++) {
                for (int j = 0; j < dW[l].length; j++) {
                    double[] row = dW[l][j];
                    double[] other = o.dW[l][j];
                    for (int p = 0; p < row.length; p++) {
                        row[p] += other[p];
                    }
                    db[l][j] += o.db[l][j];
                }
            }
            loss += o.loss;
            correct += o.correct;
        }

        /** The sums divided by m; in SEED mode every unit gets the sum over all units' sums. */
        Gradients toGradients(int m, BiasGrad biasGrad) {
            double[][][] b = new double[dW.length][][];
            for (int l = 0; l < dW.length; l++) {
                for (double[] row : dW[l]) {
                    for (int p = 0; p < row.length; p++) {
                        row[p] /= m;
                    }
                }
                double all = 0;
                for (double v : db[l]) {
                    all += v;
                }
                b[l] = new double[db[l].length][1];
                for (int j = 0; j < b[l].length; j++) {
                    b[l][j][0] = (biasGrad == BiasGrad.EXACT ? db[l][j] : all) / m;
                }
            }
            return new Gradients(dW, b, loss / m, correct);
        }
    }

    /** A worker's scratch for one block of samples: z, a and dz of every layer, sample by sample. */
    private static final class Pass {
        final int[] sizes;
        final double[][][] z;
        final double[][][] a;
        final double[][][] dz;

        Pass(int[] sizes) {
            this.sizes = sizes;
            int layers = sizes.length;
            z = new double[layers][BLOCK][];
            a = new double[layers][BLOCK][];
            dz = new double[layers][BLOCK][];
            for (int l = 0; l < layers; l++) {
                for (int b = 0; b < BLOCK; b++) {
                    z[l][b] = new double[sizes[l]];
                    a[l][b] = new double[sizes[l]];
                    dz[l][b] = new double[sizes[l]];
                }
            }
        }

        Partial chunk(Network net, Dataset data, int[] indices, int from, int to, boolean backward) {
            Partial out = new Partial(sizes, from, to - from, backward);
            int[] labels = new int[BLOCK];
            for (int s = from; s < to; s += BLOCK) {
                int count = Math.min(BLOCK, to - s);
                load(data, indices, s, count, labels);
                forward(net);
                score(out, s - from, count, labels);
                if (backward) {
                    backward(net, out, count, labels);
                }
            }
            return out;
        }

        /** a[0][b] = pixels of image indices[s + b] as the network sees them; zeros pad a short block. */
        private void load(Dataset data, int[] indices, int s, int count, int[] labels) {
            byte[] pixels = data.pixels();
            int n = sizes[0];
            for (int b = 0; b < BLOCK; b++) {
                double[] x = a[0][b];
                if (b >= count) {
                    java.util.Arrays.fill(x, 0);
                    continue;
                }
                int image = indices[s + b];
                labels[b] = data.label(image);
                int base = image * n;
                for (int p = 0; p < n; p++) {
                    x[p] = data.input(pixels[base + p]);
                }
            }
        }

        /** Equals {@link Network#forward} for each sample of the block. */
        private void forward(Network net) {
            int layers = sizes.length - 1;
            Activation f = net.hidden();
            for (int l = 1; l <= layers; l++) {
                double[][] w = net.weightValues(l - 1);
                double[][] bias = net.biasValues(l - 1);
                double[] in0 = a[l - 1][0], in1 = a[l - 1][1], in2 = a[l - 1][2], in3 = a[l - 1][3];
                for (int j = 0; j < sizes[l]; j++) {
                    double[] row = w[j];
                    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                    for (int p = 0; p < row.length; p++) {
                        double wp = row[p];
                        s0 += wp * in0[p];
                        s1 += wp * in1[p];
                        s2 += wp * in2[p];
                        s3 += wp * in3[p];
                    }
                    double bj = bias[j][0];
                    z[l][0][j] = s0 + bj;
                    z[l][1][j] = s1 + bj;
                    z[l][2][j] = s2 + bj;
                    z[l][3][j] = s3 + bj;
                }
                for (int b = 0; b < BLOCK; b++) {
                    if (l < layers) {
                        for (int j = 0; j < sizes[l]; j++) {
                            a[l][b][j] = f.apply(z[l][b][j]);
                        }
                    } else {
                        softmax(z[l][b], a[l][b]);
                    }
                }
            }
        }

        /** Adds the block's loss, predictions and right answers to {@code out}. */
        private void score(Partial out, int offset, int count, int[] labels) {
            int layers = sizes.length - 1;
            for (int b = 0; b < count; b++) {
                double[] logits = z[layers][b];
                double max = Double.NEGATIVE_INFINITY;
                for (double v : logits) {
                    max = Math.max(max, v);
                }
                double sum = 0;
                for (double v : logits) {
                    sum += Math.exp(v - max);
                }
                out.loss += Math.log(sum) - (logits[labels[b]] - max);
                int predicted = Evaluation.argmax(a[layers][b]);
                out.predictions[offset + b] = predicted;
                if (predicted == labels[b]) {
                    out.correct++;
                }
            }
        }

        /** Equals {@link Network#backward} before its division by m: sums into {@code out}. */
        private void backward(Network net, Partial out, int count, int[] labels) {
            int layers = sizes.length - 1;
            Activation f = net.hidden();
            for (int b = 0; b < BLOCK; b++) {
                double[] d = dz[layers][b];
                for (int k = 0; k < d.length; k++) {
                    d[k] = b < count ? a[layers][b][k] - (k == labels[b] ? 1 : 0) : 0;
                }
            }
            for (int l = layers - 1; l >= 0; l--) {
                double[] in0 = a[l][0], in1 = a[l][1], in2 = a[l][2], in3 = a[l][3];
                double[][] gw = out.dW[l];
                double[] gb = out.db[l];
                for (int j = 0; j < sizes[l + 1]; j++) {
                    double d0 = dz[l + 1][0][j], d1 = dz[l + 1][1][j], d2 = dz[l + 1][2][j], d3 = dz[l + 1][3][j];
                    double[] row = gw[j];
                    for (int p = 0; p < row.length; p++) {
                        row[p] += d0 * in0[p] + d1 * in1[p] + d2 * in2[p] + d3 * in3[p];
                    }
                    gb[j] += d0 + d1 + d2 + d3;
                }
                if (l > 0) {
                    propagate(net.weightValues(l), l, f);
                }
            }
        }

        /** dz[l] = W[l]^T dz[l+1] * f'(z[l]), sample by sample. W: (n_{l+1}, n_l). */
        private void propagate(double[][] w, int l, Activation f) {
            for (int b = 0; b < BLOCK; b++) {
                double[] target = dz[l][b];
                java.util.Arrays.fill(target, 0);
                double[] upstream = dz[l + 1][b];
                for (int j = 0; j < w.length; j++) {
                    double dj = upstream[j];
                    double[] row = w[j];
                    for (int p = 0; p < row.length; p++) {
                        target[p] += row[p] * dj;
                    }
                }
                for (int p = 0; p < target.length; p++) {
                    target[p] *= f.derivative(z[l][b][p]);
                }
            }
        }

        /** out = softmax(logits), stabilised by subtracting the largest logit. */
        private static void softmax(double[] logits, double[] out) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : logits) {
                max = Math.max(max, v);
            }
            double sum = 0;
            for (int k = 0; k < logits.length; k++) {
                out[k] = Math.exp(logits[k] - max);
                sum += out[k];
            }
            for (int k = 0; k < logits.length; k++) {
                out[k] /= sum;
            }
        }
    }
}
