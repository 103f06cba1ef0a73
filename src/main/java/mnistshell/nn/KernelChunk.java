package mnistshell.nn;

import java.util.Arrays;

/** One chunk's sums over its samples: dW^T and db (not yet averaged), loss, right answers, predictions. */
final class KernelChunk {
    final double[][][] dWt;
    final double[][] db;
    final int[] predictions;
    int from;
    int to;
    double loss;
    int correct;

    KernelChunk(int[] sizes, int capacity) {
        int layers = sizes.length - 1;
        dWt = new double[layers][][];
        db = new double[layers][];
        for (int l = 0; l < layers; l++) {
            dWt[l] = new double[sizes[l]][FastKernel.padded(sizes[l + 1])];
            db[l] = new double[FastKernel.padded(sizes[l + 1])];
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

    void add(KernelChunk o) {
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
