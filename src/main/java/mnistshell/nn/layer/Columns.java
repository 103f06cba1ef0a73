package mnistshell.nn.layer;

import mnistshell.nn.Activation;
import mnistshell.nn.BiasGrad;
import org.la4j.Matrix;
import org.la4j.matrix.dense.Basic2DMatrix;

/**
 * The la4j steps the layers share, each in the reference {@code Network}'s own arithmetic (same
 * operations in the same order), so that a stack of dense layers gives its bits.
 */
final class Columns {

    private Columns() {
    }

    /** Z: (k, n), b: (k, 1) → Z with b added to every column, in place; returns Z. */
    static Matrix addToEveryColumn(Matrix z, Matrix b) {
        for (int i = 0; i < z.rows(); i++) {
            double bi = b.get(i, 0);
            for (int j = 0; j < z.columns(); j++) {
                z.set(i, j, z.get(i, j) + bi);
            }
        }
        return z;
    }

    /** act(Z) element by element, (k, n) → (k, n); Z itself when act is null (logits). */
    static Matrix apply(Activation act, Matrix z) {
        return act == null ? z : z.transform((i, j, v) -> act.apply(v));
    }

    /** dA ⊙ act'(Z), (k, n); dA itself when act is null. */
    static Matrix throughActivation(Activation act, Matrix dA, Matrix z) {
        return act == null ? dA : dA.hadamardProduct(z.transform((i, j, v) -> act.derivative(v)));
    }

    /** Copies {@code product * (1 / m)} into {@code to}, (rows, cols) both: a mean weight gradient. */
    static void meanInto(Matrix product, int m, double[][] to) {
        Matrix mean = product.multiply(1.0 / m);
        for (int i = 0; i < to.length; i++) {
            for (int j = 0; j < to[i].length; j++) {
                to[i][j] = mean.get(i, j);
            }
        }
    }

    /**
     * The bias gradient of dZ: (k, n) over m samples into {@code to}, (k, 1). EXACT: each row
     * summed, times 1/m; SEED (the notebook's {@code np.sum(dZ) / m}): every entry summed, over m,
     * one scalar for every bias.
     */
    static void biasGradientInto(Matrix dZ, int m, BiasGrad mode, double[][] to) {
        if (mode == BiasGrad.SEED) {
            double s = 0;
            for (int i = 0; i < dZ.rows(); i++) {
                for (int j = 0; j < dZ.columns(); j++) {
                    s += dZ.get(i, j);
                }
            }
            for (double[] row : to) {
                row[0] = s / m;
            }
            return;
        }
        Matrix sums = Basic2DMatrix.zero(dZ.rows(), 1);
        for (int i = 0; i < dZ.rows(); i++) {
            double s = 0;
            for (int j = 0; j < dZ.columns(); j++) {
                s += dZ.get(i, j);
            }
            sums.set(i, 0, s);
        }
        Matrix mean = sums.multiply(1.0 / m);
        for (int i = 0; i < to.length; i++) {
            to[i][0] = mean.get(i, 0);
        }
    }

    /** A live la4j view of a parameter's values (from2DArray wraps without copying). */
    static Matrix view(double[][] values) {
        return Basic2DMatrix.from2DArray(values);
    }
}
