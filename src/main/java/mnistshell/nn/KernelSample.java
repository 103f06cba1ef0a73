package mnistshell.nn;

import java.util.Arrays;
import mnistshell.data.Dataset;

/** A worker's scratch for one sample: z, a and dz of every layer (a[0] is unused: the input is sparse). */
final class KernelSample {
    final int[] sizes;
    final double[][] z;
    final double[][] a;
    final double[][] dz;
    double[][][] wp;

    KernelSample(int[] sizes) {
        this.sizes = sizes;
        z = new double[sizes.length][];
        a = new double[sizes.length][];
        dz = new double[sizes.length][];
        for (int l = 1; l < sizes.length; l++) {
            z[l] = new double[FastKernel.padded(sizes[l])];
            a[l] = new double[FastKernel.padded(sizes[l])];
            dz[l] = new double[FastKernel.padded(sizes[l])];
        }
    }

    /** Forward (and backward) for image {@code image}, added into {@code chunk} at position {@code k}. */
    void run(KernelBuffers b, KernelChunk chunk, int k, Network net, Dataset data, SparseImages x, int image, boolean backward) {
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
        int predicted = FastKernel.argmax(p, classes);
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
                        FastKernel.axpy(in[i], w[i], out);
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
    private void backward(KernelChunk chunk, Network net, Dataset data, SparseImages x, int image, int label) {
        int layers = sizes.length - 1;
        double[] top = dz[layers];
        for (int c = 0; c < sizes[layers]; c++) {
            top[c] = a[layers][c] - (c == label ? 1 : 0);
        }
        Activation f = net.hidden();
        for (int l = layers - 1; l >= 0; l--) {
            double[] d = dz[l + 1];
            double[][] gwt = chunk.dWt[l];
            FastKernel.axpy(1.0, d, chunk.db[l]);
            if (l == 0) {
                for (int k = x.start[image], end = x.start[image + 1]; k < end; k++) {
                    FastKernel.axpy(x.input[x.value[k] & 0xFF], d, gwt[x.index[k]]);
                }
                break;
            }
            double[] in = a[l];
            for (int i = 0; i < sizes[l]; i++) {
                if (in[i] != 0) {
                    FastKernel.axpy(in[i], d, gwt[i]);
                }
            }
            double[] below = dz[l];
            Arrays.fill(below, 0);
            double[][] w = wp[l];
            for (int j = 0; j < sizes[l + 1]; j++) {
                if (d[j] != 0) {
                    FastKernel.axpy(d[j], w[j], below);
                }
            }
            for (int i = 0; i < sizes[l]; i++) {
                below[i] *= f.derivative(z[l][i]);
            }
        }
    }
}
