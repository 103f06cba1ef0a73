package mnistshell.render;

/**
 * A small history in one line: the last values of a series as eighth blocks ({@code ▁▂▃▄▅▆▇█}),
 * lowest to highest of those shown; NaN is blank. On a log scale, for sizes that span decades.
 */
public final class Sparkline {

    static final String BLOCKS = "▁▂▃▄▅▆▇█";

    private Sparkline() {
    }

    /** The last {@code width} values of {@code values} (fewer if there are fewer), each one character. */
    public static String of(double[] values, int width, boolean log) {
        int from = Math.max(0, values.length - width);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double[] shown = new double[values.length - from];
        for (int i = 0; i < shown.length; i++) {
            double v = values[from + i];
            shown[i] = log ? (v > 0 ? Math.log10(v) : Double.NaN) : v;
            if (Double.isFinite(shown[i])) {
                lo = Math.min(lo, shown[i]);
                hi = Math.max(hi, shown[i]);
            }
        }
        StringBuilder s = new StringBuilder(shown.length);
        for (double v : shown) {
            if (!Double.isFinite(v)) {
                s.append(' ');
            } else {
                int level = hi == lo ? BLOCKS.length() / 2 - 1
                        : (int) Math.round((v - lo) / (hi - lo) * (BLOCKS.length() - 1));
                s.append(BLOCKS.charAt(level));
            }
        }
        return s.toString();
    }
}
