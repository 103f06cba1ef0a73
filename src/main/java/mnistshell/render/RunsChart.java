package mnistshell.render;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * Several runs' curves on one text chart: a loss panel above an accuracy panel, the two sharing
 * one x axis in update numbers and one key. Each run has its own symbol, placed per column at the
 * row of the column's mean; where runs fall in the same cell (forks share their first updates) the
 * cell shows {@value #SEVERAL}, as the key says. NaN values (not measured) leave their column empty.
 */
public final class RunsChart {

    /** The runs' symbols, in the order of the runs; runs beyond them share {@value #OTHERS}. */
    static final String SYMBOLS = "o+x*#@%$&~abcdefghijklmnopqrstuvwxyz";
    static final char OTHERS = '?';
    static final char SEVERAL = '=';
    /** Plot columns at most, so that labels and plot fit 80 columns. */
    public static final int WIDTH = 64;
    public static final int HEIGHT = 7;
    static final int COLUMNS = 80;

    /** One run's series: {@code values[i]} after update {@code updates[i]}, updates ascending. */
    public record Curve(String run, int[] updates, double[] values) {
    }

    private RunsChart() {
    }

    /** Run {@code i}'s symbol. */
    public static char symbol(int i) {
        return i < SYMBOLS.length() ? SYMBOLS.charAt(i) : OTHERS;
    }

    /**
     * The chart: {@code lossTitle} and its panel, {@code accuracyTitle} and its panel, the shared
     * axis with update numbers, then the key. {@code loss} and {@code accuracy} hold one curve per
     * run, in the same order; accuracies are shares (0..1), shown as percentages.
     */
    public static List<String> render(String lossTitle, List<Curve> loss, String accuracyTitle, List<Curve> accuracy,
                                      int height) {
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        for (Curve c : concat(loss, accuracy)) {
            if (c.updates().length > 0) {
                first = Math.min(first, c.updates()[0]);
                last = Math.max(last, c.updates()[c.updates().length - 1]);
            }
        }
        List<String> out = new ArrayList<>();
        if (first > last) {
            out.add("(no updates yet: nothing to chart)");
            return out;
        }
        int columns = (int) Math.min(WIDTH, (long) last - first + 1);
        double[][] lossColumns = columns(loss, first, last, columns);
        double[][] accuracyColumns = columns(accuracy, first, last, columns);
        double[] lossRange = range(lossColumns);
        double[] accuracyRange = range(accuracyColumns);
        DoubleFunction<String> brief = Numbers::brief;
        DoubleFunction<String> percent = Numbers::percent;
        int labelWidth = Math.max(labelWidth(lossRange, brief), labelWidth(accuracyRange, percent));
        out.add(lossTitle);
        out.addAll(panel(lossColumns, lossRange, height, labelWidth, brief));
        out.add(accuracyTitle);
        out.addAll(panel(accuracyColumns, accuracyRange, height, labelWidth, percent));
        int[] firsts = new int[columns]; // each column's first update; the last column's tick is the last update
        for (int c = 0; c < columns; c++) {
            firsts[c] = first + (int) ((long) c * ((long) last - first + 1) / columns);
        }
        firsts[columns - 1] = last;
        out.addAll(LogChart.xAxis(labelWidth, columns, firsts, new int[0]));
        out.addAll(key(loss));
        return out;
    }

    private static List<Curve> concat(List<Curve> a, List<Curve> b) {
        List<Curve> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** The column update {@code u} falls in, of {@code columns} over updates {@code first..last}. */
    static int column(int u, int first, int last, int columns) {
        return (int) ((long) (u - first) * columns / ((long) last - first + 1));
    }

    /** Per curve, the mean of its values in each column (NaN ignored; NaN where it has none). */
    static double[][] columns(List<Curve> curves, int first, int last, int columns) {
        double[][] out = new double[curves.size()][columns];
        for (int k = 0; k < curves.size(); k++) {
            Curve c = curves.get(k);
            double[] sum = new double[columns];
            int[] count = new int[columns];
            for (int i = 0; i < c.updates().length; i++) {
                if (Double.isFinite(c.values()[i])) {
                    int col = column(c.updates()[i], first, last, columns);
                    sum[col] += c.values()[i];
                    count[col]++;
                }
            }
            for (int col = 0; col < columns; col++) {
                out[k][col] = count[col] == 0 ? Double.NaN : sum[col] / count[col];
            }
        }
        return out;
    }

    /** {lo, hi} over every curve's columns; {NaN, NaN} when nothing was measured. */
    private static double[] range(double[][] columns) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] curve : columns) {
            for (double v : curve) {
                if (!Double.isNaN(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return lo > hi ? new double[] {Double.NaN, Double.NaN} : new double[] {lo, hi};
    }

    /** The wider of a panel's two labels, so that both panels' plots start in the same column. */
    private static int labelWidth(double[] range, DoubleFunction<String> format) {
        return Double.isNaN(range[0]) ? 0 : Math.max(format.apply(range[0]).length(), format.apply(range[1]).length());
    }

    /** The row (0 at the bottom) of {@code v} in {@code height} rows from {@code lo} to {@code hi}. */
    static int row(double v, double lo, double hi, int height) {
        double share = hi == lo ? 0.5 : (v - lo) / (hi - lo);
        return (int) Math.round(share * (height - 1));
    }

    private static List<String> panel(double[][] columns, double[] range, int height, int labelWidth,
                                      DoubleFunction<String> format) {
        List<String> out = new ArrayList<>();
        if (Double.isNaN(range[0])) {
            out.add(" ".repeat(labelWidth + 1) + "┤(nothing measured yet)");
            return out;
        }
        int width = columns.length == 0 ? 0 : columns[0].length;
        char[][] grid = new char[height][width];
        for (char[] line : grid) {
            java.util.Arrays.fill(line, ' ');
        }
        for (int k = 0; k < columns.length; k++) {
            for (int c = 0; c < width; c++) {
                double v = columns[k][c];
                if (Double.isNaN(v)) {
                    continue;
                }
                int r = row(v, range[0], range[1], height);
                char here = grid[r][c];
                grid[r][c] = here == ' ' || here == symbol(k) ? symbol(k) : SEVERAL;
            }
        }
        for (int r = height - 1; r >= 0; r--) {
            String label = r == height - 1 ? format.apply(range[1]) : r == 0 ? format.apply(range[0]) : "";
            out.add((String.format("%" + labelWidth + "s ┤", label) + new String(grid[r])).stripTrailing());
        }
        return out;
    }

    /** "key: o main  + fast  = several runs in one place", packed into lines of 80 columns. */
    private static List<String> key(List<Curve> curves) {
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < curves.size() && k <= SYMBOLS.length(); k++) {
            parts.add(k < SYMBOLS.length() ? symbol(k) + " " + curves.get(k).run() : OTHERS + " the other runs");
        }
        if (curves.size() > 1) {
            parts.add(SEVERAL + " several runs in one place");
        }
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder("key:");
        boolean fresh = true;
        for (String part : parts) {
            if (!fresh && line.length() + 2 + part.length() > COLUMNS) {
                out.add(line.toString());
                line = new StringBuilder("    ");
                fresh = true;
            }
            line.append(fresh ? " " : "  ").append(part);
            fresh = false;
        }
        out.add(line.toString());
        return out;
    }
}
