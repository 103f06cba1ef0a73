package mnistshell.inspect;

import java.util.ArrayList;
import java.util.List;
import mnistshell.train.UpdateSizes;

/**
 * Warnings about the gradients of the last few updates, tensor by tensor: vanishing (tiny against
 * the weights it should move, on every one of them), exploding (grown tenfold and larger than the
 * weights themselves, or a weight matrix changed by over a tenth of its size by every update:
 * healthy training changes it by about a thousandth) and non-finite.
 */
public final class GradientHealth {

    /** A gradient this small against its weights moves them by nothing a float can see. */
    static final double VANISHING = 1e-7;
    /** How many recorded updates a warning needs, so one odd update is not reported. */
    static final int SEVERAL = 3;
    static final double GROWTH = 10;
    /** An update that changes a weight matrix by more than this share of its size is a jump, not a step. */
    static final double JUMP = 0.1;

    private GradientHealth() {
    }

    /** Warnings for tensors named {@code names} (dW1, db1, ...), from {@code recent} sizes, oldest first. */
    public static List<String> warnings(List<String> names, List<UpdateSizes> recent) {
        List<String> out = new ArrayList<>();
        if (recent.isEmpty()) {
            return out;
        }
        for (int k = 0; k < names.size(); k++) {
            String warning = warning(names.get(k), k, recent);
            if (warning != null) {
                out.add(warning);
            }
        }
        return out;
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
