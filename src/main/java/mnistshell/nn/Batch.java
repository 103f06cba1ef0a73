package mnistshell.nn;

import mnistshell.data.Dataset;
import org.la4j.Matrix;
import org.la4j.matrix.dense.Basic2DMatrix;

/**
 * Some images of a dataset as the network takes them: pixels scaled to [0, 1], one column per sample.
 *
 * @param x      (n_0, m): column j is image {@code indices[from + j]}
 * @param labels m labels, in the same order
 */
public record Batch(Matrix x, int[] labels) {

    /** Images {@code indices[from..to)} of {@code data}, as an (n_0, to - from) batch. */
    public static Batch of(Dataset data, int[] indices, int from, int to) {
        int m = to - from;
        int n = data.features();
        double[][] x = new double[n][m];
        int[] labels = new int[m];
        for (int j = 0; j < m; j++) {
            int image = indices[from + j];
            labels[j] = data.label(image);
            for (int p = 0; p < n; p++) {
                x[p][j] = data.pixel(image, p);
            }
        }
        return new Batch(Basic2DMatrix.from2DArray(x), labels);
    }
}
