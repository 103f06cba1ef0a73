package mnistshell.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Signed values as bars either side of a centre line, one a line:
 * {@code " 3 +0.412      |#####"}. Each half has {@code half} cells; the largest |value| fills a half.
 */
public final class SignedBars {

    private SignedBars() {
    }

    /** One line per value, labelled with its position. */
    public static List<String> lines(double[] values, int half) {
        double scale = WeightImage.maxAbs(values);
        List<String> out = new ArrayList<>(values.length);
        for (int k = 0; k < values.length; k++) {
            int cells = scale == 0 ? 0 : (int) Math.round(Math.abs(values[k]) / scale * half);
            String left = values[k] < 0 ? " ".repeat(half - cells) + "#".repeat(cells) : " ".repeat(half);
            String right = values[k] > 0 ? "#".repeat(cells) : "";
            out.add(String.format("%2d %+.3f %s|%s", k, values[k], left, right));
        }
        return out;
    }
}
