package mnistshell.render;

import java.util.ArrayList;
import java.util.List;

/**
 * A unit's incoming weights as a picture, two characters per pixel like {@link AsciiDigit}.
 * Positive and negative weights use different characters, so the sign reads without colour:
 * {@code . + * #} for growing positive weights and {@code , - = %} for growing negative ones, each
 * step a quarter of the unit's largest |w|; weights under an eighth of it stay blank.
 */
public final class WeightImage {

    /** Thumbnails in galleries are at most this high: a 28x28 picture halved. */
    public static final int THUMBNAIL_ROWS = 14;

    static final String POSITIVE = " .+*#";
    static final String NEGATIVE = " ,-=%";

    private WeightImage() {
    }

    /** {@code w} ({@code rows * cols} values, row by row) as {@code rows} lines of {@code 2 * cols} characters. */
    public static List<String> lines(double[] w, int rows, int cols) {
        double scale = maxAbs(w);
        List<String> out = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            StringBuilder line = new StringBuilder(2 * cols);
            for (int c = 0; c < cols; c++) {
                char shade = shade(w[r * cols + c], scale);
                line.append(shade).append(shade);
            }
            out.add(line.toString());
        }
        return out;
    }

    /** The picture halved until it is at most {@code maxRows} rows high: 28x28 becomes a 14x14 thumbnail. */
    public static List<String> fitted(double[] w, int rows, int cols, int maxRows) {
        while (rows > maxRows && rows > 1) {
            w = halve(w, rows, cols);
            rows = (rows + 1) / 2;
            cols = (cols + 1) / 2;
        }
        return lines(w, rows, cols);
    }

    /**
     * A small picture in {@link AsciiDigit#small}'s blocks ({@code step} columns by {@code 2 * step}
     * rows a character, so that it still looks square), each block the mean of its values, shaded
     * against the largest |mean|: the same lines and columns as the digit's small picture beside it.
     */
    public static List<String> small(double[] w, int rows, int cols, int step) {
        int lines = (rows + 2 * step - 1) / (2 * step);
        int width = (cols + step - 1) / step;
        double[] means = new double[lines * width];
        for (int r = 0; r < lines; r++) {
            for (int c = 0; c < width; c++) {
                double sum = 0;
                int n = 0;
                for (int y = 2 * step * r; y < Math.min(rows, 2 * step * (r + 1)); y++) {
                    for (int x = step * c; x < Math.min(cols, step * (c + 1)); x++) {
                        sum += w[y * cols + x];
                        n++;
                    }
                }
                means[r * width + c] = sum / n;
            }
        }
        double scale = maxAbs(means);
        List<String> out = new ArrayList<>(lines);
        for (int r = 0; r < lines; r++) {
            StringBuilder line = new StringBuilder(width);
            for (int c = 0; c < width; c++) {
                line.append(shade(means[r * width + c], scale));
            }
            out.add(line.toString());
        }
        return out;
    }

    /** The character for weight {@code w} when the largest |w| is {@code scale}. */
    public static char shade(double w, double scale) {
        if (scale == 0) {
            return ' ';
        }
        int level = (int) Math.round(Math.abs(w) / scale * (POSITIVE.length() - 1));
        return (w >= 0 ? POSITIVE : NEGATIVE).charAt(level);
    }

    /** Whether {@code shade} was drawn for a negative weight (panels colour the two signs apart). */
    public static boolean isNegative(char shade) {
        return shade != ' ' && NEGATIVE.indexOf(shade) >= 0;
    }

    /** A half-size picture: each value the mean of a 2x2 block (fewer at an odd edge); {@link AsciiDigit#halve} rounds it. */
    public static double[] halve(double[] w, int rows, int cols) {
        int hr = (rows + 1) / 2;
        int hc = (cols + 1) / 2;
        double[] out = new double[hr * hc];
        for (int r = 0; r < hr; r++) {
            for (int c = 0; c < hc; c++) {
                double sum = 0;
                int n = 0;
                for (int dr = 0; dr < 2 && 2 * r + dr < rows; dr++) {
                    for (int dc = 0; dc < 2 && 2 * c + dc < cols; dc++) {
                        sum += w[(2 * r + dr) * cols + 2 * c + dc];
                        n++;
                    }
                }
                out[r * hc + c] = sum / n;
            }
        }
        return out;
    }

    static double maxAbs(double[] w) {
        double max = 0;
        for (double v : w) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }
}
