package mnistshell.render;

import java.util.ArrayList;
import java.util.List;
import mnistshell.data.Dataset;

/**
 * A digit as plain-ASCII art: two characters per pixel so that it looks square in a terminal, and a
 * ten-step ramp from blank (0) to {@code @} (255) so that faint stroke edges stay visible.
 */
public final class AsciiDigit {

    /** Darkness ramp: index 0 for the background, the last for full ink. */
    static final String RAMP = " .:-=+*#%@";

    private AsciiDigit() {
    }

    /** Image {@code index} of {@code data}, {@code data.rows()} lines of {@code 2 * data.cols()} characters. */
    public static String render(Dataset data, int index) {
        return String.join("\n", lines(grey(data, index), data.rows(), data.cols())) + "\n";
    }

    /** Grey values 0..255, row by row ({@code rows * cols}), as {@code rows} lines of {@code 2 * cols} characters. */
    public static List<String> lines(int[] grey, int rows, int cols) {
        List<String> out = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            StringBuilder line = new StringBuilder(2 * cols);
            for (int c = 0; c < cols; c++) {
                char shade = shade(grey[r * cols + c]);
                line.append(shade).append(shade);
            }
            out.add(line.toString());
        }
        return out;
    }

    /** The stored pixels of image {@code index}, 0..255, row by row. */
    public static int[] grey(Dataset data, int index) {
        int[] grey = new int[data.features()];
        for (int p = 0; p < grey.length; p++) {
            grey[p] = data.rawPixel(index, p);
        }
        return grey;
    }

    /** Stored pixel bytes as grey values 0..255. */
    public static int[] grey(byte[] pixels) {
        int[] grey = new int[pixels.length];
        for (int p = 0; p < grey.length; p++) {
            grey[p] = pixels[p] & 0xFF;
        }
        return grey;
    }

    /**
     * A half-size image, ((rows+1)/2, (cols+1)/2): each pixel the rounded mean of a 2x2 block (fewer
     * at an odd edge). Used when the terminal has too few rows for the full image.
     */
    public static int[] halve(int[] grey, int rows, int cols) {
        double[] values = new double[grey.length];
        for (int i = 0; i < grey.length; i++) {
            values[i] = grey[i];
        }
        double[] means = WeightImage.halve(values, rows, cols);
        int[] out = new int[means.length];
        for (int i = 0; i < means.length; i++) {
            out[i] = Math.round((float) means[i]);
        }
        return out;
    }

    /** The ramp character for a pixel value 0..255: 0 alone is blank, 255 is the darkest. */
    public static char shade(int value) {
        if (value == 0) {
            return RAMP.charAt(0);
        }
        int steps = RAMP.length() - 1;
        return RAMP.charAt(1 + (value - 1) * steps / 255);
    }

    /**
     * A small picture: a character per {@code step} columns and {@code 2 * step} rows (so that it
     * still looks square), each the rounded mean of its block; {@code (rows + 2 step - 1) / (2 step)}
     * lines of {@code (cols + step - 1) / step} characters.
     */
    public static List<String> small(int[] grey, int rows, int cols, int step) {
        List<String> out = new ArrayList<>();
        for (int r = 0; r < rows; r += 2 * step) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < cols; c += step) {
                int sum = 0;
                int n = 0;
                for (int y = r; y < Math.min(rows, r + 2 * step); y++) {
                    for (int x = c; x < Math.min(cols, c + step); x++) {
                        sum += grey[y * cols + x];
                        n++;
                    }
                }
                line.append(shade(Math.round((float) sum / n)));
            }
            out.add(line.toString());
        }
        return out;
    }
}
