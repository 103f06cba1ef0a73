package mnistshell.nn;

/**
 * The fast kernel's storage, reused from call to call so that steady-state training allocates no
 * arrays: W^T, each chunk's sums, each worker's scratch, and the gradients returned.
 */
final class KernelBuffers {
    final int[] sizes;
    /** wt[l] is W[l] transposed, (n_l, n_{l+1}), flat (row i at i * n_{l+1}), refreshed at every call. */
    final double[][] wt;
    final KernelChunk[] chunk;
    final KernelSample[] scratch;
    /** The returned gradients, in the network's shapes. */
    final double[][][] dW;
    final double[][][] db;
    int chunks;
    int chunkSize;

    KernelBuffers(int[] sizes, int chunks, int threads) {
        this.sizes = sizes;
        int layers = sizes.length - 1;
        wt = new double[layers][];
        dW = new double[layers][][];
        db = new double[layers][][];
        for (int l = 0; l < layers; l++) {
            wt[l] = new double[sizes[l] * sizes[l + 1]];
            dW[l] = new double[sizes[l + 1]][sizes[l]];
            db[l] = new double[sizes[l + 1]][1];
        }
        chunk = new KernelChunk[chunks];
        for (int c = 0; c < chunks; c++) {
            chunk[c] = new KernelChunk(sizes, FastKernel.MAX_CHUNK);
        }
        scratch = new KernelSample[threads];
        for (int t = 0; t < threads; t++) {
            scratch[t] = new KernelSample(sizes);
        }
    }

    void transposeWeights(Network net) {
        for (int l = 0; l < wt.length; l++) {
            double[][] w = net.weightValues(l);
            double[] t = wt[l];
            int n = w.length;
            for (int i = 0, at = 0; i < sizes[l]; i++) { // writes along W^T, reads down W's columns
                for (int j = 0; j < n; j++) {
                    t[at++] = w[j][i];
                }
            }
        }
    }

    /** Adds the chunks in order, divides by m, transposes back; SEED mode sums each layer's units. */
    Gradients reduce(int m, BiasGrad biasGrad) {
        double loss = 0;
        int correct = 0;
        for (int c = 0; c < chunks; c++) {
            loss += chunk[c].loss;
            correct += chunk[c].correct;
        }
        double[][] rows = new double[chunks][];
        for (int l = 0; l < dW.length; l++) {
            double[][] out = dW[l];
            for (int i = 0; i < sizes[l]; i++) {
                for (int c = 0; c < chunks; c++) {
                    rows[c] = chunk[c].dWt[l][i];
                }
                for (int j = 0; j < out.length; j++) {
                    double s = rows[0][j];
                    for (int c = 1; c < chunks; c++) {
                        s += rows[c][j];
                    }
                    out[j][i] = s / m;
                }
            }
            double all = 0;
            double[] unit = new double[db[l].length];
            for (int j = 0; j < unit.length; j++) {
                for (int c = 0; c < chunks; c++) {
                    unit[j] += chunk[c].db[l][j];
                }
                all += unit[j];
            }
            for (int j = 0; j < unit.length; j++) {
                db[l][j][0] = (biasGrad == BiasGrad.EXACT ? unit[j] : all) / m;
            }
        }
        return new Gradients(dW, db, loss / m, correct);
    }
}
