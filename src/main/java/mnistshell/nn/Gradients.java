package mnistshell.nn;

import org.la4j.Matrix;
import org.la4j.matrix.dense.Basic2DMatrix;

/**
 * Gradients of the mean cross-entropy loss with respect to every parameter, shaped like them:
 * {@code dW[l]} is (n_{l+1}, n_l) and {@code db[l]} is (n_{l+1}, 1), stored row by row; with the
 * mean cross-entropy over the batch and how many of its samples the network classified right, both
 * before the update. {@link FastKernel} fills three of these in turn, so that training
 * allocates nothing; the reference makes a new one each time.
 */
public final class Gradients {
    private final double[][][] dW;
    private final double[][][] db;
    private double loss;
    private int correct;

    public Gradients(double[][][] dW, double[][][] db, double loss, int correct) {
        this.dW = dW;
        this.db = db;
        this.loss = loss;
        this.correct = correct;
    }

    /** For the kernel's reused gradients: the batch's loss and right answers. */
    void set(double loss, int correct) {
        this.loss = loss;
        this.correct = correct;
    }

    public double[][][] dW() {
        return dW;
    }

    public double[][][] db() {
        return db;
    }

    /** Mean cross-entropy over the batch, before the update. */
    public double loss() {
        return loss;
    }

    /** How many of the batch's samples the network classified right, before the update. */
    public int correct() {
        return correct;
    }

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

    /** How many gradient tensors there are: one for each of {@link Network#tensors}. */
    public int tensors() {
        return 2 * dW.length;
    }

    /**
     * The gradient of {@link Network#tensors}'s tensor {@code k}, in the same order (dW1, db1,
     * dW2, ...): what training, the optimizers and the update sizes walk, so that none of them
     * knows which tensor is a weight and which a bias.
     */
    public double[][] tensor(int k) {
        return k % 2 == 0 ? dW[k / 2] : db[k / 2];
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
