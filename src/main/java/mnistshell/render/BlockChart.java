package mnistshell.render;

import java.util.List;
import java.util.function.DoubleFunction;

/**
 * One series as a text area chart: each column a bar of Unicode eighth blocks ({@code ▁▂▃▄▅▆▇█})
 * rising from the series' minimum to its maximum, the two labelled on the left, and an axis below
 * with {@code ^} where a setting changed (and, given the update numbers, ticks). More values than columns are averaged a column at a time;
 * NaN values (not measured) leave a column empty.
 */
public final class BlockChart {

    static final String EIGHTHS = " ▁▂▃▄▅▆▇█";

    /**
     * Columns of the charts {@code history} prints, its curves and {@code --layers}' alike, so
     * that a column spans the same updates in each; with the value labels it fits 80.
     */
    public static final int HISTORY_WIDTH = 64;

    private BlockChart() {
    }

    /**
     * @param values   the series, one value per update (NaN where not measured)
     * @param marks    positions in {@code values} before which a setting changed
     * @param width    columns at most
     * @param height   rows
     * @param format   how the axis labels show a value
     */
    public static String render(double[] values, int[] marks, int width, int height, DoubleFunction<String> format) {
        double[] columns = resample(values, width);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : columns) {
            if (!Double.isNaN(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo > hi) {
            return "(nothing measured yet)\n";
        }
        String top = format.apply(hi);
        String bottom = format.apply(lo);
        int labelWidth = Math.max(top.length(), bottom.length());
        StringBuilder out = new StringBuilder();
        for (int r = height - 1; r >= 0; r--) {
            String label = r == height - 1 ? top : r == 0 ? bottom : "";
            out.append(String.format("%" + labelWidth + "s ┤", label));
            out.append(row(columns, lo, hi, height, r).stripTrailing()).append('\n');
        }
        return out.append(" ".repeat(labelWidth + 1)).append('└').append(axis(columns.length, values.length, marks))
                .append('\n').toString();
    }

    /**
     * The chart with its x axis ticked as {@link LogChart}'s: {@code ┬} at the first, middle and
     * last columns and the update numbers beneath ({@code updates[i]} the update of value i).
     */
    public static String render(double[] values, int[] updates, int[] marks, int width, int height,
                                DoubleFunction<String> format) {
        String chart = render(values, marks, width, height, format);
        int axis = chart.lastIndexOf('└');
        if (axis < 0) {
            return chart; // nothing measured: no axis
        }
        int start = chart.lastIndexOf('\n', axis) + 1;
        int labelWidth = axis - start - 1;
        List<String> ticked = LogChart.xAxis(labelWidth, Math.min(width, values.length), updates, marks);
        return chart.substring(0, start) + ticked.get(0) + "\n" + ticked.get(1) + "\n";
    }

    /** Row {@code r} (0 at the bottom): each column's share of its bar that falls in this row, in eighths. */
    private static String row(double[] columns, double lo, double hi, int height, int r) {
        StringBuilder s = new StringBuilder();
        for (double v : columns) {
            if (Double.isNaN(v)) {
                s.append(' ');
                continue;
            }
            double share = hi == lo ? 1 : (v - lo) / (hi - lo);
            long eighths = Math.max(1, Math.round(share * height * 8)); // the minimum still shows
            s.append(EIGHTHS.charAt((int) Math.max(0, Math.min(8, eighths - 8L * r))));
        }
        return s.toString();
    }

    /** The x axis: {@code ─} per column, {@code ^} in the column of each mark. */
    private static String axis(int columns, int n, int[] marks) {
        char[] line = "─".repeat(columns).toCharArray();
        for (int m : marks) {
            if (m >= 0 && m < n) {
                line[column(m, n, columns)] = '^';
            }
        }
        return new String(line);
    }

    /** The column that value {@code i} of {@code n} falls in. */
    static int column(int i, int n, int columns) {
        return n <= columns ? i : (int) ((long) i * columns / n);
    }

    /** One value per column: the values themselves if they fit, else the mean of each column's share, NaN ignored. */
    static double[] resample(double[] values, int width) {
        int n = values.length;
        if (n <= width) {
            return values.clone();
        }
        double[] sum = new double[width];
        int[] count = new int[width];
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(values[i])) {
                sum[column(i, n, width)] += values[i];
                count[column(i, n, width)]++;
            }
        }
        double[] out = new double[width];
        for (int c = 0; c < width; c++) {
            out[c] = count[c] == 0 ? Double.NaN : sum[c] / count[c];
        }
        return out;
    }
}
