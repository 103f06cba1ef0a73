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
        return Math.sqrt(sumOfSquares(a));
    }

    /** The sum of the squares of every value of {@code a} (NaN or infinite if any value is). */
    static double sumOfSquares(double[][] a) {
        double even = 0;
        double odd = 0;
        for (double[] row : a) {
            int j = 0;
            for (; j + 1 < row.length; j += 2) { // two sums, so that each add need not wait on the last
                even += row[j] * row[j];
                odd += row[j + 1] * row[j + 1];
            }
            if (j < row.length) {
                even += row[j] * row[j];
            }
        }
        return even + odd;
    }

    /**
     * In one pass over a tensor after an update and its copy from before: the sum of squares of
     * its values into {@code weights[k]}, and of their changes into {@code step[k]}. Row by row,
     * each row's sums in four interleaved chains (so that no add waits on the one before), the
     * rows' sums then added in row order; large tensors' rows cut over {@code engine}'s threads.
     * The cut changes no bit: the same sums on any thread count.
     */
    static void measure(double[][] after, double[][] before, double[] weights, double[] step, int k,
                        mnistshell.nn.Engine engine) {
        int rows = after.length;
        double[] rowWeights = new double[rows];
        double[] rowSteps = new double[rows];
        if ((long) rows * after[0].length < Optimizer.SHARED) {
            measureRows(after, before, rowWeights, rowSteps, 0, rows);
        } else {
            engine.inShares(rows, (from, to) -> measureRows(after, before, rowWeights, rowSteps, from, to));
        }
        weights[k] = total(rowWeights);
        step[k] = total(rowSteps);
    }

    /** The rows' sums of {@link #measureRows} added in row order, as {@link #measure} adds them. */
    static double total(double[] rowSums) {
        double sum = 0;
        for (double v : rowSums) {
            sum += v;
        }
        return sum;
    }

    /** Rows [from, to) of {@link #measure}: each row's two sums, in four chains. */
    static void measureRows(double[][] after, double[][] before, double[] rowWeights, double[] rowSteps,
                                    int from, int to) {
        for (int i = from; i < to; i++) {
            double[] a = after[i];
            double[] b = before[i];
            double w0 = 0, w1 = 0, w2 = 0, w3 = 0;
            double d0 = 0, d1 = 0, d2 = 0, d3 = 0;
            int j = 0;
            for (; j + 3 < a.length; j += 4) {
                double c0 = a[j] - b[j];
                double c1 = a[j + 1] - b[j + 1];
                double c2 = a[j + 2] - b[j + 2];
                double c3 = a[j + 3] - b[j + 3];
                w0 += a[j] * a[j];
                w1 += a[j + 1] * a[j + 1];
                w2 += a[j + 2] * a[j + 2];
                w3 += a[j + 3] * a[j + 3];
                d0 += c0 * c0;
                d1 += c1 * c1;
                d2 += c2 * c2;
                d3 += c3 * c3;
            }
            for (; j < a.length; j++) {
                double c = a[j] - b[j];
                w0 += a[j] * a[j];
                d0 += c * c;
            }
            rowWeights[i] = (w0 + w1) + (w2 + w3);
            rowSteps[i] = (d0 + d1) + (d2 + d3);
        }
    }

    /** This update's layer statistics for the history, with {@code hidden} (null: an engine that kept no activations, NaN) for {@code hiddenLayers} layers. */
    History.Layers layers(mnistshell.nn.HiddenStats hidden, int hiddenLayers) {
        double[] ratio = new double[step.length];
        for (int k = 0; k < ratio.length; k++) {
            ratio[k] = weights[k] == 0 ? Double.NaN : step[k] / weights[k];
        }
        if (hidden == null) {
            double[] none = new double[hiddenLayers];
            java.util.Arrays.fill(none, Double.NaN);
            hidden = new mnistshell.nn.HiddenStats(none, none, none);
        }
        return new History.Layers(update, gradient, ratio, hidden.mean(), hidden.std(), hidden.inactive());
    }

    /** Whether any sum of squares is NaN or infinite, as one is when any of its values is. */
    static boolean nonFinite(double[] sums) {
        for (double s : sums) {
            if (!Double.isFinite(s)) {
                return true;
            }
        }
        return false;
    }

    /** The square root of each sum of squares: the norms. */
    static double[] sqrt(double[] squares) {
        double[] out = new double[squares.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = Math.sqrt(squares[k]);
        }
        return out;
    }
}
