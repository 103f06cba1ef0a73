package mnistshell.render;

/**
 * A small matrix's values as text: one line per row, every value divided by one common power of
 * ten so that columns line up at three decimals however small the numbers are (gradients of
 * 1e-17 included), the power named on the first line.
 */
public final class MatrixText {

    private MatrixText() {
    }

    /** Row {@code i} starts with {@code rowLabel} and i; values print as {@code %7.3f} after scaling. */
    public static String render(double[][] values, String rowLabel) {
        int power = power(values);
        double scale = Math.pow(10, power);
        StringBuilder out = new StringBuilder(power == 0 ? "" : "values x 1e" + power + "\n");
        int labelWidth = rowLabel.length() + String.valueOf(values.length - 1).length();
        for (int i = 0; i < values.length; i++) {
            out.append(String.format("%-" + labelWidth + "s", rowLabel + i));
            for (double v : values[i]) {
                out.append(String.format("%7.3f", v / scale));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** The power of ten of the largest |value| (0 for values that read well as they are, or all zero). */
    static int power(double[][] values) {
        double max = 0;
        for (double[] row : values) {
            for (double v : row) {
                max = Math.max(max, Math.abs(v));
            }
        }
        if (max == 0 || !Double.isFinite(max) || (max >= 0.1 && max < 100)) {
            return 0;
        }
        return (int) Math.floor(Math.log10(max));
    }
}
