package mnistshell.nn;

/**
 * The fast kernel's storage, reused from call to call so that steady-state training allocates no
 * arrays: W^T, each chunk's sums, each worker's scratch, and the gradients returned.
 */
final class KernelBuffers {
    final int[] sizes;
    /** wt[l] is W[l] transposed, (n_l, n_{l+1}), refreshed at every call. */
    final double[][][] wt;
    /** wp[l] is W[l], (n_{l+1}, n_l), for the backward pass. */
    final double[][][] wp;
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
        wt = new double[layers][][];
        wp = new double[layers][][];
        dW = new double[layers][][];
        db = new double[layers][][];
        for (int l = 0; l < layers; l++) {
            wt[l] = new double[sizes[l]][sizes[l + 1]];
            wp[l] = new double[sizes[l + 1]][sizes[l]];
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
        KernelChunk total = chunk[0];
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
