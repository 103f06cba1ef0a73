package mnistshell.nn;

/**
 * One of the network's parameters under the notebook's name ({@code W1}, {@code b1}, ...), as a
 * live view of its storage: changing {@code values} changes the network.
 *
 * @param name   {@code W1}, {@code b1}, {@code W2}, ...
 * @param values (rows, columns) row by row; biases are (n, 1)
 * @param weight true for a weight matrix, false for a bias (weight decay applies to weights only)
 */
public record Tensor(String name, double[][] values, boolean weight) {

    public static boolean allFinite(double[][] values) {
        for (double[] row : values) {
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    return false;
                }
            }
        }
        return true;
    }

    public boolean allFinite() {
        return allFinite(values);
    }

    public int rows() {
        return values.length;
    }

    public int columns() {
        return values[0].length;
    }

    /** A zero array of the same shape. */
    public double[][] zerosLike() {
        return new double[rows()][columns()];
    }

    /** Copies {@code from} into {@code to}, row by row; both of this shape. */
    public static void copy(double[][] from, double[][] to) {
        for (int i = 0; i < from.length; i++) {
            System.arraycopy(from[i], 0, to[i], 0, from[i].length);
        }
    }
}
