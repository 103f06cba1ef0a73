package mnistshell.render;

import java.util.ArrayList;
import java.util.List;

/**
 * A positive series on a log scale as a text dot chart: a {@code •} per column at the height of the
 * column's geometric mean, decades labelled on the left, an optional guide line ({@code ·}) at a
 * value such as upd/w's healthy 1e-3, and an x axis with update numbers as ticks. Values of 0,
 * negative or NaN leave their column empty.
 */
public final class LogChart {

    static final char DOT = '•';
    static final char GUIDE = '·';

    private LogChart() {
    }

    /**
     * @param values  one per recorded update, in order
     * @param updates the update number of each value (for the ticks)
     * @param marks   positions in {@code values} before which a setting changed: {@code ^} on the axis
     * @param width   columns at most
     * @param height  rows
     * @param guide   a value to draw a guide line at, or NaN for none
     */
    public static List<String> render(double[] values, int[] updates, int[] marks, int width, int height,
                                      double guide) {
        double[] logs = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            logs[i] = values[i] > 0 && Double.isFinite(values[i]) ? Math.log10(values[i]) : Double.NaN;
        }
        double[] columns = BlockChart.resample(logs, width);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : columns) {
            if (!Double.isNaN(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        List<String> out = new ArrayList<>();
        if (lo > hi) {
            out.add("(nothing measured)");
            return out;
        }
        double g = Double.isNaN(guide) ? Double.NaN : Math.log10(guide);
        if (!Double.isNaN(g)) {
            lo = Math.min(lo, g);
            hi = Math.max(hi, g);
        }
        lo = Math.floor(lo);
        hi = Math.max(lo + 1, Math.ceil(hi));
        int guideRow = Double.isNaN(g) ? -1 : row(g, lo, hi, height);
        String top = decade(hi);
        String bottom = decade(lo);
        int labelWidth = Math.max(Math.max(top.length(), bottom.length()), Double.isNaN(g) ? 0 : guideLabel(guide).length());
        for (int r = height - 1; r >= 0; r--) {
            String label = r == height - 1 ? top : r == 0 ? bottom : r == guideRow ? guideLabel(guide) : "";
            StringBuilder s = new StringBuilder(String.format("%" + labelWidth + "s ┤", label));
            for (double v : columns) {
                s.append(!Double.isNaN(v) && row(v, lo, hi, height) == r ? DOT : r == guideRow ? GUIDE : ' ');
            }
            out.add(s.toString().stripTrailing());
        }
        out.addAll(xAxis(labelWidth, columns.length, updates, marks));
        return out;
    }

    /** The row (0 at the bottom) that log value {@code v} falls in. */
    private static int row(double v, double lo, double hi, int height) {
        return (int) Math.max(0, Math.min(height - 1, Math.floor((v - lo) / (hi - lo) * height)));
    }

    /** A power of ten as its decade, "1e-3"; anything else as {@link Numbers#brief}. */
    private static String guideLabel(double guide) {
        double e = Math.log10(guide);
        return e == Math.rint(e) ? decade(e) : Numbers.brief(guide);
    }

    /** "1e-3", "1e0", "1e2". */
    private static String decade(double exponent) {
        return "1e" + (long) exponent;
    }

    /**
     * The axis with a {@code ┬} at the first, middle and last columns and those columns' update
     * numbers beneath: what {@link BlockChart} lacks, and every chart of layer statistics has.
     */
    public static List<String> xAxis(int labelWidth, int columns, int[] updates, int[] marks) {
        StringBuilder axis = new StringBuilder(" ".repeat(labelWidth + 1)).append('└').append("─".repeat(columns));
        int n = updates.length;
        for (int m : marks) {
            if (m >= 0 && m < n) {
                axis.setCharAt(labelWidth + 2 + BlockChart.column(m, n, columns), '^');
            }
        }
        int[] ticks = columns < 8 ? new int[] {0, columns - 1} : new int[] {0, columns / 2, columns - 1};
        StringBuilder numbers = new StringBuilder(" ".repeat(labelWidth + 2 + columns + 8));
        int free = 0;
        for (int t : ticks) {
            if (t < 0) {
                continue;
            }
            if (axis.charAt(labelWidth + 2 + t) != '^') { // a change marked there shows rather than the tick
                axis.setCharAt(labelWidth + 2 + t, '┬');
            }
            int i = t == columns - 1 ? n - 1 : n <= columns ? t : (int) ((long) t * n / columns); // a column's first
            String u = String.valueOf(updates[Math.min(n - 1, i)]);
            int at = Math.max(free, labelWidth + 2 + t - (t == columns - 1 ? u.length() - 1 : t == 0 ? 0 : u.length() / 2));
            numbers.replace(at, at + u.length(), u);
            free = at + u.length() + 1;
        }
        return List.of(axis.toString(), numbers.toString().stripTrailing());
    }
}
