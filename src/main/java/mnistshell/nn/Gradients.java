package mnistshell.nn;

import org.la4j.Matrix;
import org.la4j.matrix.dense.Basic2DMatrix;

/**
 * Gradients of the mean cross-entropy loss with respect to every parameter, shaped like them:
 * {@code dW[l]} is (n_{l+1}, n_l) and {@code db[l]} is (n_{l+1}, 1), stored row by row.
 *
 * @param loss    mean cross-entropy over the batch, before the update
 * @param correct how many of the batch's samples the network classified right, before the update
 */
public record Gradients(double[][][] dW, double[][][] db, double loss, int correct) {

    /** dW[l] as a la4j matrix (a view, no copy). */
    public Matrix dW(int l) {
        return Basic2DMatrix.from2DArray(dW[l]);
    }

    /** db[l] as a la4j matrix (a view, no copy). */
    public Matrix db(int l) {
        return Basic2DMatrix.from2DArray(db[l]);
    }

    public int layers() {
        return dW.length;
    }

    /** Every value finite? Returns the name of the first tensor that is not ({@code dW2}, {@code db1}), or null. */
    public String firstNonFinite() {
        for (int l = 0; l < dW.length; l++) {
            if (!Tensor.allFinite(dW[l])) {
                return "dW" + (l + 1);
            }
            if (!Tensor.allFinite(db[l])) {
                return "db" + (l + 1);
            }
        }
        return null;
    }
}
