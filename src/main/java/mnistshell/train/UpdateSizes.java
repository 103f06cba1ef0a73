package mnistshell.train;

/**
 * How large one update was, tensor by tensor in the order of {@code Network.tensors()} (W1, b1,
 * W2, ...): the L2 norms of its gradient, of the change the optimizer made, and of the weights
 * after it. {@code grads} reads these for the update/weight ratio and its warnings.
 *
 * @param update   the update's number, from 1
 * @param gradient ||dX|| per tensor
 * @param step     ||X after - X before|| per tensor
 * @param weights  ||X after|| per tensor
 */
public record UpdateSizes(int update, double[] gradient, double[] step, double[] weights) {

    /** The L2 norm of every value of {@code a}. */
    public static double norm(double[][] a) {
        double s = 0;
        for (double[] row : a) {
            for (double v : row) {
                s += v * v;
            }
        }
        return Math.sqrt(s);
    }

    /** The L2 norm of {@code a - b}, both of one shape. */
    static double distance(double[][] a, double[][] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                double d = a[i][j] - b[i][j];
                s += d * d;
            }
        }
        return Math.sqrt(s);
    }
}
