package mnistshell.train;

import java.util.List;
import mnistshell.errors.ShellError;
import mnistshell.errors.Values;

/** How the learning rate moves with the update count t (0 for the first update). */
public sealed interface Schedule {

    /** The rate for update {@code t} when the base rate is {@code base}. */
    double rate(double base, long t);

    /** As {@code set schedule} takes it, e.g. {@code step 1000 0.5}. */
    String describe();

    /** The base rate throughout. */
    record Constant() implements Schedule {
        @Override
        public double rate(double base, long t) {
            return base;
        }

        @Override
        public String describe() {
            return "constant";
        }
    }

    /** Step decay: {@code base * factor^floor(t / every)}. */
    record StepDecay(long every, double factor) implements Schedule {
        @Override
        public double rate(double base, long t) {
            return base * Math.pow(factor, t / every);
        }

        @Override
        public String describe() {
            return "step " + every + " " + factor;
        }
    }

    /** Cosine annealing from base to {@code floor} over {@code period} updates, then {@code floor}. */
    record Cosine(long period, double floor) implements Schedule {
        @Override
        public double rate(double base, long t) {
            double progress = Math.min(t, period) / (double) period;
            return floor + (base - floor) * (1 + Math.cos(Math.PI * progress)) / 2;
        }

        @Override
        public String describe() {
            return "cosine " + period + " " + floor;
        }
    }

    /**
     * {@code constant}, {@code step EVERY FACTOR} or {@code cosine PERIOD [FLOOR]}. EVERY and PERIOD
     * are update counts, so at most the largest update count; FACTOR in (0, 1], FLOOR at least 0.
     */
    static Schedule parse(List<String> words) {
        String kind = words.isEmpty() ? "" : words.get(0);
        switch (kind) {
            case "constant":
                if (words.size() == 1) {
                    return new Constant();
                }
                break;
            case "step":
                if (words.size() == 3) {
                    return new StepDecay(Values.intIn("schedule step: EVERY", words.get(1), 1, Integer.MAX_VALUE),
                            Values.number("schedule step: FACTOR", words.get(2), Values.Range.aboveUpTo(0, 1)));
                }
                break;
            case "cosine":
                if (words.size() == 2 || words.size() == 3) {
                    int period = Values.intIn("schedule cosine: PERIOD", words.get(1), 1, Integer.MAX_VALUE);
                    double floor = words.size() == 3
                            ? Values.number("schedule cosine: FLOOR", words.get(2), Values.Range.atLeast(0)) : 0;
                    return new Cosine(period, floor);
                }
                break;
            default:
                break;
        }
        throw new ShellError("schedule " + Values.shown(String.join(" ", words))
                + ": expected constant, step EVERY FACTOR or cosine PERIOD");
    }
}
