package mnistshell.render;

/**
 * What one hidden unit looks for: its input weights laid out as the image they multiply, two
 * characters per pixel, inside a frame. Positive weights (ink there excites the unit) and negative
 * ones (ink there inhibits it) use two ramps of four steps, scaled to the largest |weight|, so that
 * the sign can be read without colour; with colour, positive is red and negative blue as well.
 */
public final class UnitPicture {

    static final String POSITIVE = " .+*#";
    static final String NEGATIVE = " ,-~=";
    private static final String RED = "\u001b[31m";
    private static final String BLUE = "\u001b[34m";
    private static final String RESET = "\u001b[0m";

    private UnitPicture() {
    }

    /**
     * {@code weights} (rows * cols, row by row) averaged over {@code factor} x {@code factor} blocks
     * (1 for full size, 2 for a 14x14 thumbnail of a 28x28 unit), framed.
     */
    public static String render(double[] weights, int rows, int cols, int factor, boolean colour) {
        double[][] cells = downsample(weights, rows, cols, factor);
        double scale = largest(cells);
        int width = 2 * cells[0].length;
        StringBuilder out = new StringBuilder("+" + "-".repeat(width) + "+\n");
        for (double[] row : cells) {
            out.append('|');
            for (double v : row) {
                out.append(pixel(v, scale, colour));
            }
            out.append("|\n");
        }
        return out.append("+").append("-".repeat(width)).append("+\n").toString();
    }

    /** The legend line under a picture: the ramps and the weight a full step stands for. */
    public static String legend(double[] weights) {
        return "positive " + POSITIVE.substring(1) + "  negative " + NEGATIVE.substring(1)
                + "  (darkest = |w| " + Numbers.compact(largest(new double[][] {weights})) + ")";
    }

    /** Two characters for value {@code v}: level round(4 |v| / scale), on the ramp of its sign. */
    static String pixel(double v, double scale, boolean colour) {
        int level = scale == 0 ? 0 : (int) Math.min(4, Math.round(4 * Math.abs(v) / scale));
        char c = (v >= 0 ? POSITIVE : NEGATIVE).charAt(level);
        String two = "" + c + c;
        if (!colour || level == 0) {
            return two;
        }
        return (v >= 0 ? RED : BLUE) + two + RESET;
    }

    /** Means over factor x factor blocks; a partial block at the edge averages what it has. */
    static double[][] downsample(double[] w, int rows, int cols, int factor) {
        int outRows = (rows + factor - 1) / factor;
        int outCols = (cols + factor - 1) / factor;
        double[][] sum = new double[outRows][outCols];
        int[][] count = new int[outRows][outCols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                sum[r / factor][c / factor] += w[r * cols + c];
                count[r / factor][c / factor]++;
            }
        }
        for (int r = 0; r < outRows; r++) {
            for (int c = 0; c < outCols; c++) {
                sum[r][c] /= count[r][c];
            }
        }
        return sum;
    }

    private static double largest(double[][] cells) {
        double m = 0;
        for (double[] row : cells) {
            for (double v : row) {
                m = Math.max(m, Math.abs(v));
            }
        }
        return m;
    }
}
