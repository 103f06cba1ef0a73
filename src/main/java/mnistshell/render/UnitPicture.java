package mnistshell.render;

/**
 * What one hidden unit looks for: its input weights laid out as the image they multiply, two
 * characters per pixel, inside a frame, with the same shading as {@code view weights}
 * ({@link WeightImage}): positive weights (ink there excites the unit) and negative ones (ink there
 * inhibits it) on two ramps, so the sign reads without colour; with colour, red and blue as well.
 */
public final class UnitPicture {

    private static final String RED = "\u001b[31m";
    private static final String BLUE = "\u001b[34m";
    private static final String RESET = "\u001b[0m";

    private UnitPicture() {
    }

    /**
     * {@code weights} (rows * cols, row by row), halved {@code factor / 2} times (1 for full size,
     * 2 for a 14x14 thumbnail of a 28x28 unit), shaded as {@link WeightImage} shades them, framed.
     */
    public static String render(double[] weights, int rows, int cols, int factor, boolean colour) {
        double[] w = weights;
        for (int f = factor; f > 1; f /= 2) {
            w = WeightImage.halve(w, rows, cols);
            rows = (rows + 1) / 2;
            cols = (cols + 1) / 2;
        }
        double scale = WeightImage.maxAbs(w);
        StringBuilder out = new StringBuilder("+" + "-".repeat(2 * cols) + "+\n");
        for (int r = 0; r < rows; r++) {
            out.append('|');
            for (int c = 0; c < cols; c++) {
                out.append(pixel(w[r * cols + c], scale, colour));
            }
            out.append("|\n");
        }
        return out.append("+").append("-".repeat(2 * cols)).append("+\n").toString();
    }

    /** The legend line under a picture: the ramps and the weight a full step stands for. */
    public static String legend(double[] weights) {
        return "positive " + WeightImage.POSITIVE.substring(1) + "  negative " + WeightImage.NEGATIVE.substring(1)
                + "  (darkest = |w| " + Numbers.compact(WeightImage.maxAbs(weights)) + ")";
    }

    /** Two characters for value {@code v}: {@link WeightImage#shade}, red or blue by sign when in colour. */
    static String pixel(double v, double scale, boolean colour) {
        char c = WeightImage.shade(v, scale);
        String two = "" + c + c;
        if (!colour || c == ' ') {
            return two;
        }
        return (v >= 0 ? RED : BLUE) + two + RESET;
    }
}
