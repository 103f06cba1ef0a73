package mnistshell.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Class probabilities as one bar a line: {@code "7 ##########.......... 48.2% <"}. The bar has
 * {@code width} cells, {@code round(p * width)} of them filled; the most likely class is marked.
 */
public final class ProbabilityBars {

    static final char FILLED = '#';
    static final char EMPTY = '.';

    private ProbabilityBars() {
    }

    /** One line per class, in class order. */
    public static List<String> lines(double[] p, int width) {
        int best = argmax(p);
        List<String> out = new ArrayList<>(p.length);
        for (int k = 0; k < p.length; k++) {
            int filled = (int) Math.round(p[k] * width);
            out.add(String.format("%d %s%s %5.1f%%%s", k, String.valueOf(FILLED).repeat(filled),
                    String.valueOf(EMPTY).repeat(width - filled), 100 * p[k], k == best ? " <" : ""));
        }
        return out;
    }

    /** Characters a line takes beyond the bar itself. */
    public static int extraWidth() {
        return 2 + 7 + 2;
    }

    private static int argmax(double[] p) {
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        return best;
    }
}
