package mnistshell.inspect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import mnistshell.train.UpdateSizes;

/**
 * Warnings about the gradients of the last few updates, tensor by tensor: vanishing (tiny against
 * the weights it should move, on every one of them), exploding (grown tenfold and larger than the
 * weights themselves, or a weight matrix changed by over a tenth of its size by every update:
 * healthy training changes it by about a thousandth) and non-finite. And the flow between layers:
 * a weight gradient far smaller than a later layer's has vanished on its way back, one far larger
 * has exploded. Each warning comes with what to try next.
 */
public final class GradientHealth {

    /** A gradient this small against its weights moves them by nothing a float can see. */
    static final double VANISHING = 1e-7;
    /** How many recorded updates a warning needs, so one odd update is not reported. */
    static final int SEVERAL = 3;
    static final double GROWTH = 10;
    /** An update that changes a weight matrix by more than this share of its size is a jump, not a step. */
    static final double JUMP = 0.1;

    /**
     * How many times smaller than a later layer's a weight gradient must be, on each recent update,
     * to have vanished (or larger, to have exploded). Healthy networks stay within about 10x: the
     * seed's dW1 is some 7x dW2, a deep sigmoid network's dW1 thousands of times under its last.
     */
    static final double FLOW_RATIO = 100;

    static final String TRY_VANISHING = "try: init --act relu or leaky-relu with --init he, fewer layers,"
            + " or adam";
    static final String TRY_EXPLODING = "try: a smaller learning rate (set lr), or init --init he or xavier";
    static final String TRY_NON_FINITE = "try: a smaller learning rate (set lr), then init again";

    /** One warning, one line, and the line that says what to try next. */
    public record Warning(String text, String advice) {
    }

    private GradientHealth() {
    }

    /** Warnings for tensors named {@code names} (dW1, db1, ...), from {@code recent} sizes, oldest first. */
    public static List<String> warnings(List<String> names, List<UpdateSizes> recent) {
        return advised(names, recent).stream().map(Warning::text).toList();
    }

    /** {@link #warnings}, each with its advice. */
    public static List<Warning> advised(List<String> names, List<UpdateSizes> recent) {
        List<Warning> out = new ArrayList<>();
        if (recent.isEmpty()) {
            return out;
        }
        for (int k = 0; k < names.size(); k++) {
            String warning = warning(names.get(k), k, recent);
            if (warning != null) {
                out.add(new Warning(warning, warning.contains("NaN") ? TRY_NON_FINITE
                        : warning.contains("vanishing") ? TRY_VANISHING : TRY_EXPLODING));
            }
        }
        Warning flow = flow(names, recent);
        if (flow != null) {
            out.add(flow);
        }
        return out;
    }

    /**
     * The pair of weight gradients (an earlier layer's against a later one's) whose norms differ
     * most, if on each of the last {@value #SEVERAL} or more updates the earlier is over
     * {@value #FLOW_RATIO}x smaller (vanishing) or larger (exploding); null otherwise.
     */
    static Warning flow(List<String> names, List<UpdateSizes> recent) {
        if (recent.size() < SEVERAL) {
            return null;
        }
        UpdateSizes last = recent.get(recent.size() - 1);
        int worstEarly = -1;
        int worstLate = -1;
        double worst = 1;
        for (int a = 0; a < names.size(); a++) {
            for (int b = a + 1; b < names.size(); b++) {
                if (!names.get(a).startsWith("dW") || !names.get(b).startsWith("dW")) {
                    continue;
                }
                double ratio = spread(last, a, b);
                if (ratio > worst && apart(recent, a, b)) {
                    worst = ratio;
                    worstEarly = a;
                    worstLate = b;
                }
            }
        }
        if (worstEarly < 0) {
            return null;
        }
        boolean vanishing = last.gradient()[worstEarly] < last.gradient()[worstLate];
        if (Double.isInfinite(worst)) {
            String zero = names.get(vanishing ? worstEarly : worstLate);
            String other = names.get(vanishing ? worstLate : worstEarly);
            return new Warning(String.format("%s's norm is 0, %s's is not: %s gradient", zero, other,
                    vanishing ? "vanishing" : "exploding"), vanishing ? TRY_VANISHING : TRY_EXPLODING);
        }
        return new Warning(String.format("%s's norm is %s times %s than %s's: %s gradient", names.get(worstEarly),
                times(worst), vanishing ? "smaller" : "larger", names.get(worstLate),
                vanishing ? "vanishing" : "exploding"), vanishing ? TRY_VANISHING : TRY_EXPLODING);
    }

    /** How many times the larger of the two gradient norms is the smaller (infinite when one is 0). */
    private static double spread(UpdateSizes s, int a, int b) {
        double x = s.gradient()[a];
        double y = s.gradient()[b];
        if (!Double.isFinite(x) || !Double.isFinite(y) || (x == 0 && y == 0)) {
            return 1;
        }
        return Math.max(x, y) / Math.min(x, y);
    }

    /** Whether on every recent update the two norms are over the ratio apart, the same way round. */
    private static boolean apart(List<UpdateSizes> recent, int a, int b) {
        boolean smaller = recent.get(0).gradient()[a] < recent.get(0).gradient()[b];
        for (UpdateSizes s : recent) {
            if (spread(s, a, b) <= FLOW_RATIO || (s.gradient()[a] < s.gradient()[b]) != smaller) {
                return false;
            }
        }
        return true;
    }

    /**
     * 31,623 as "3.2e4": a ratio, so in scientific notation with two significant digits, as every
     * ratio reads (render's {@code Numbers.ratio}, which this layer does not reach up to).
     */
    static String times(double ratio) {
        String[] parts = String.format(Locale.ROOT, "%.1e", ratio).split("e");
        return parts[0] + "e" + Integer.parseInt(parts[1]);
    }

    private static String warning(String name, int k, List<UpdateSizes> recent) {
        UpdateSizes last = recent.get(recent.size() - 1);
        if (!Double.isFinite(last.gradient()[k])) {
            return name + ": NaN or infinite at update " + last.update();
        }
        if (recent.size() >= SEVERAL && recent.stream().allMatch(s -> vanishing(s, k))) {
            return String.format("%s: vanishing: under %.0e of |%s| on each of the last %d updates",
                    name, VANISHING, name.substring(1), recent.size());
        }
        double first = recent.get(0).gradient()[k];
        if (recent.size() >= SEVERAL && last.gradient()[k] > GROWTH * first && last.gradient()[k] > last.weights()[k]) {
            return String.format("%s: exploding: |%s| grew from %.3g to %.3g in %d updates, above |%s|",
                    name, name, first, last.gradient()[k], recent.size(), name.substring(1));
        }
        if (name.startsWith("dW") && recent.size() >= SEVERAL && recent.stream().allMatch(s -> jump(s, k))) {
            return String.format("%s: exploding: each of the last %d updates changed %s by over %.0f%% of its size",
                    name, recent.size(), name.substring(1), 100 * JUMP);
        }
        return null;
    }

    /** Biases are left out: starting at 0, their first updates are all of their size. */
    private static boolean jump(UpdateSizes s, int k) {
        return s.step()[k] > JUMP * s.weights()[k];
    }

    private static boolean vanishing(UpdateSizes s, int k) {
        return s.gradient()[k] <= VANISHING * Math.max(s.weights()[k], 1e-8);
    }
}
