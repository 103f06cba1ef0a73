package mnistshell.render;

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
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < data.rows(); r++) {
            for (int c = 0; c < data.cols(); c++) {
                char shade = shade(data.rawPixel(index, r * data.cols() + c));
                out.append(shade).append(shade);
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** The ramp character for a pixel value 0..255: 0 alone is blank, 255 is the darkest. */
    static char shade(int value) {
        if (value == 0) {
            return RAMP.charAt(0);
        }
        int steps = RAMP.length() - 1;
        return RAMP.charAt(1 + (value - 1) * steps / 255);
    }
}
