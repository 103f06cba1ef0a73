package mnistshell.render;

import java.util.ArrayList;
import java.util.List;

/**
 * One image's pass through the hidden layers as text: each layer's outputs as bars (a line per
 * unit for narrow layers, a character per unit for wide ones) and the units that add most to the
 * predicted class. Pure: from numbers to lines of at most 80 columns.
 */
public final class InsideText {

    /** Layers up to this wide get a line per unit. */
    static final int LINE_PER_UNIT = 16;
    static final int BAR = 40;
    /** Units per line of a wide layer's strip. */
    static final int STRIP = 64;
    static final String BLOCKS = "▁▂▃▄▅▆▇█";
    static final int TOP = 3;

    private InsideText() {
    }

    /**
     * Layer {@code layer} (1 for the first hidden one): its outputs {@code a}, each unit's
     * contribution to class {@code predicted}'s logit, and the {@code top} units by contribution.
     */
    public static List<String> layer(int layer, String activation, double[] a, double[] contribution, int[] top,
                                     int predicted) {
        List<String> out = new ArrayList<>();
        double scale = WeightImage.maxAbs(a);
        out.add(String.format("layer %d: %d units, %s; outputs up to %s", layer, a.length, activation,
                Numbers.brief(scale)));
        if (a.length <= LINE_PER_UNIT) {
            for (int u = 0; u < a.length; u++) {
                String bar = Bars.bar(scale == 0 ? 0 : Math.abs(a[u]) / scale, BAR);
                out.add(String.format("  unit %-3d %s %8s%s", u, a[u] < 0 ? bar.replace('█', '-') : bar,
                        Numbers.brief(a[u]), contains(top, u) ? "  top" : "").stripTrailing());
            }
        } else {
            for (int from = 0; from < a.length; from += STRIP) {
                StringBuilder s = new StringBuilder(String.format("  %4d ", from));
                for (int u = from; u < Math.min(a.length, from + STRIP); u++) {
                    s.append(cell(a[u], scale));
                }
                out.add(s.toString());
            }
            out.add("  (a character per unit, height its output; blank 0, '-' negative)");
        }
        List<String> parts = new ArrayList<>();
        for (int u : top) {
            parts.add(u + " (" + (contribution[u] >= 0 ? "+" : "") + Numbers.brief(contribution[u]) + ")");
        }
        out.add("  most for class " + predicted + ": unit " + String.join(", ", parts));
        return out;
    }

    private static char cell(double v, double scale) {
        if (v < 0) {
            return '-';
        }
        if (v == 0 || scale == 0) {
            return ' ';
        }
        int level = (int) Math.round(v / scale * (BLOCKS.length() - 1));
        return BLOCKS.charAt(level);
    }

    private static boolean contains(int[] ids, int u) {
        for (int id : ids) {
            if (id == u) {
                return true;
            }
        }
        return false;
    }

    /**
     * The digit ({@code grey}, 0..255) and its saliency side by side, a character per pixel, with
     * a heading over each: the saliency's characters as {@link WeightImage}'s ({@code . + * #} for
     * pixels whose ink raises the probability, {@code , - = %} for those that lower it).
     */
    public static List<String> saliency(int[] grey, double[] saliency, int rows, int cols) {
        List<String> out = new ArrayList<>();
        double scale = WeightImage.maxAbs(saliency);
        String gap = "   ";
        out.add(String.format("%-" + cols + "s%s%s", "image", gap, "saliency"));
        for (int r = 0; r < rows; r++) {
            StringBuilder s = new StringBuilder();
            for (int c = 0; c < cols; c++) {
                s.append(AsciiDigit.shade(grey[r * cols + c]));
            }
            s.append(gap);
            for (int c = 0; c < cols; c++) {
                s.append(WeightImage.shade(saliency[r * cols + c], scale));
            }
            out.add(s.toString().stripTrailing());
        }
        out.add("+ . * #: more ink there raises the probability; , - = %: lowers it");
        out.add("largest |dp/dx| " + Numbers.brief(scale));
        return out;
    }
}
