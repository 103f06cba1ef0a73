package mnistshell.train;

import java.util.List;
import mnistshell.shell.ShellError;

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

    /** {@code constant}, {@code step EVERY FACTOR} or {@code cosine PERIOD [FLOOR]}. */
    static Schedule parse(List<String> words) {
        String kind = words.isEmpty() ? "" : words.get(0);
        try {
            switch (kind) {
                case "constant":
                    if (words.size() == 1) {
                        return new Constant();
                    }
                    break;
                case "step":
                    if (words.size() == 3) {
                        long every = Long.parseLong(words.get(1));
                        double factor = Double.parseDouble(words.get(2));
                        if (every < 1 || !(factor > 0 && factor <= 1)) {
                            throw new ShellError("schedule step: EVERY must be at least 1 and FACTOR in (0, 1]");
                        }
                        return new StepDecay(every, factor);
                    }
                    break;
                case "cosine":
                    if (words.size() == 2 || words.size() == 3) {
                        long period = Long.parseLong(words.get(1));
                        double floor = words.size() == 3 ? Double.parseDouble(words.get(2)) : 0;
                        if (period < 1 || !(floor >= 0)) {
                            throw new ShellError("schedule cosine: PERIOD must be at least 1 and FLOOR at least 0");
                        }
                        return new Cosine(period, floor);
                    }
                    break;
                default:
                    break;
            }
        } catch (NumberFormatException e) {
            throw new ShellError("schedule: not a number in '" + String.join(" ", words) + "'");
        }
        throw new ShellError("schedule must be 'constant', 'step EVERY FACTOR' or 'cosine PERIOD [FLOOR]', found '"
                + String.join(" ", words) + "'");
    }
}
