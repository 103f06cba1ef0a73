package mnistshell.inspect;

import java.util.ArrayList;
import java.util.List;
import mnistshell.nn.Tensor;

/**
 * A summary of one tensor's values, one row of the {@code weights} and {@code grads} tables.
 *
 * @param name  {@code W1}, {@code db2}, ...
 * @param rows  its rows
 * @param cols  its columns
 * @param zeros share of values exactly 0, 0..1
 */
public record TensorStats(String name, int rows, int cols, double mean, double std, double min, double max,
                          double norm, double zeros) {

    /** The statistics of {@code values}, (rows, cols) row by row. */
    public static TensorStats of(String name, double[][] values) {
        int n = 0;
        int zeros = 0;
        double sum = 0;
        double squares = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] row : values) {
            for (double v : row) {
                n++;
                zeros += v == 0 ? 1 : 0;
                sum += v;
                squares += v * v;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        double mean = sum / n;
        double variance = Math.max(0, squares / n - mean * mean);
        return new TensorStats(name, values.length, values[0].length, mean, Math.sqrt(variance), min, max,
                Math.sqrt(squares), (double) zeros / n);
    }

    /** The statistics of each tensor, in order, under its name. */
    public static List<TensorStats> of(List<Tensor> tensors) {
        List<TensorStats> out = new ArrayList<>();
        for (Tensor t : tensors) {
            out.add(of(t.name(), t.values()));
        }
        return out;
    }

    /** "10x784". */
    public String shape() {
        return rows + "x" + cols;
    }
}
