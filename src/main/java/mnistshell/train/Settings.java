package mnistshell.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mnistshell.nn.BiasGrad;
import mnistshell.errors.ShellError;
import mnistshell.errors.Values;

/**
 * Every training setting, as {@code set} shows and changes them: a map from key to its value as
 * typed, checked when set and read through typed accessors. Immutable: {@link #with} returns new
 * settings, so a refused change leaves the old ones whole.
 */
public final class Settings {

    public static final List<String> ENGINES = List.of("fast", "java", "reference");
    /** More threads than this would only wait on each other (the meaning of threads below says so too). */
    static final int MAX_THREADS = 256;

    /** Each key, its meaning, and its default (the seed notebook's full-batch gradient descent). */
    private static final String[][] KEYS = {
        {"lr", "learning rate, > 0", "0.1"},
        {"optimizer", oneOf(Optimizers.names()), Optimizers.ALL.get(0).name()},
        {"momentum", "momentum and nesterov coefficient, in [0, 1)", "0.9"},
        {"beta1", "adam's first-moment decay, in [0, 1)", "0.9"},
        {"beta2", "adam's second-moment decay, in [0, 1)", "0.999"},
        {"eps", "adam's denominator guard, > 0", "1e-8"},
        {"batch", "'full' or images per update", "full"},
        {"l2", "weight decay on weights (not biases), >= 0", "0"},
        {"schedule", "constant, step EVERY FACTOR, cosine PERIOD [FLOOR]", "constant"},
        {"bias-grad", "exact (per unit) or seed (the notebook's scalar)", "exact"},
        {"report-every", "off a terminal, a line every K updates (0: none)", "0"},
        {"diverge", "stop at a loss FACTOR x the first (off: NaN only)", "1e6"},
        {"engine", "fast, java (no native sums) or reference (la4j)", "fast"},
        {"early-stop", "off, or stop after PATIENCE held-out checks not better", "off"},
        {"threads", "threads of the fast engine, 1 to 256",
            Integer.toString(Math.min(Runtime.getRuntime().availableProcessors(), 256))},
    };

    private final Map<String, String> values;
    /** Parsed once here, since training reads them at every update. */
    private final double lr;
    private final Schedule schedule;
    private final BiasGrad biasGrad;
    private final int batch;
    private final double momentum;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double l2;
    private final double diverge;
    private final int reportEvery;
    private final int threads;

    private Settings(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
        this.lr = Double.parseDouble(values.get("lr"));
        this.schedule = Schedule.parse(List.of(values.get("schedule").split(" ")));
        this.biasGrad = BiasGrad.named(values.get("bias-grad"));
        this.batch = values.get("batch").equals("full") ? 0 : Integer.parseInt(values.get("batch"));
        this.momentum = Double.parseDouble(values.get("momentum"));
        this.beta1 = Double.parseDouble(values.get("beta1"));
        this.beta2 = Double.parseDouble(values.get("beta2"));
        this.eps = Double.parseDouble(values.get("eps"));
        this.l2 = Double.parseDouble(values.get("l2"));
        this.diverge = values.get("diverge").equals("off") ? Double.POSITIVE_INFINITY
                : Double.parseDouble(values.get("diverge"));
        this.reportEvery = Integer.parseInt(values.get("report-every"));
        this.threads = Integer.parseInt(values.get("threads"));
    }

    public static Settings defaults() {
        Map<String, String> v = new LinkedHashMap<>();
        for (String[] k : KEYS) {
            v.put(k[0], k[2]);
        }
        return new Settings(v);
    }

    /** The keys {@code set} takes. */
    public static List<String> keys() {
        return Arrays.stream(KEYS).map(k -> k[0]).toList();
    }

    /** The words {@code key} takes as its value, for TAB completion; empty for a number. */
    public static List<String> choices(String key) {
        return switch (key) {
            case "optimizer" -> Optimizers.names();
            case "engine" -> ENGINES;
            case "batch" -> List.of("full");
            case "bias-grad" -> List.of("exact", "seed");
            case "schedule" -> List.of("constant", "step", "cosine");
            case "diverge" -> List.of("off");
            default -> List.of();
        };
    }

    /** These settings with {@code key} set to {@code words}; refuses an unknown key or a bad value. */
    public Settings with(String key, List<String> words) {
        if (!values.containsKey(key)) {
            throw new ShellError("unknown setting '" + key + "': set alone lists them");
        }
        if (words.isEmpty() || (!key.equals("schedule") && !key.equals("early-stop") && words.size() != 1)) {
            throw new ShellError("set " + key + ": expected one value (" + meaning(key) + ")");
        }
        String v = check(key, String.join(" ", words), words);
        Map<String, String> next = new LinkedHashMap<>(values);
        next.put(key, v);
        Settings changed = new Settings(next);
        // a floor above the rate would make cosine annealing climb: refused, whichever is set last
        if (changed.schedule instanceof Schedule.Cosine c && c.floor() > changed.lr) {
            String[] schedule = next.get("schedule").split(" ");
            throw new ShellError(key.equals("lr")
                    ? "set lr: " + v + " is below the cosine schedule's FLOOR " + schedule[schedule.length - 1]
                    : "set schedule: FLOOR " + schedule[schedule.length - 1] + " is above lr " + next.get("lr"));
        }
        return changed;
    }

    /**
     * Refuses a bad value in one line that names the key, the range and what was found; returns the
     * value as it is kept, integers without the {@code _} or {@code ,} that may group their digits.
     * Every value is checked here against its whole range, so nothing read from settings later fails.
     */
    private static String check(String key, String v, List<String> words) {
        String what = "set " + key + ":";
        switch (key) {
            case "lr", "eps" -> Values.number(what, v, Values.Range.above(0));
            case "l2" -> Values.number(what, v, Values.Range.atLeast(0));
            case "momentum", "beta1", "beta2" -> Values.number(what, v, Values.Range.fromUpTo(0, 1));
            case "optimizer" -> require(key, v, Optimizers.names().contains(v), String.join(", ", Optimizers.names()));
            case "engine" -> require(key, v, ENGINES.contains(v), String.join(", ", ENGINES));
            case "batch" -> {
                return v.equals("full") ? v : batchSize(v);
            }
            case "report-every" -> {
                return Integer.toString(Values.intIn(what, v, 0, Integer.MAX_VALUE));
            }
            case "threads" -> {
                return Integer.toString(Values.intIn(what, v, 1, MAX_THREADS));
            }
            case "diverge" -> {
                if (!v.equals("off")) {
                    Values.number(what, v, Values.Range.above(1));
                }
            }
            case "schedule" -> Schedule.parse(words);
            case "bias-grad" -> BiasGrad.named(v);
            case "early-stop" -> {
                return earlyStop(words);
            }
            default -> throw new IllegalStateException(key);
        }
        return v;
    }

    public static final List<String> EARLY_STOP_METRICS = List.of("val-loss", "val-accuracy");

    /** "off", or "PATIENCE METRIC" from {@code PATIENCE [--metric] [METRIC]} (val-loss unless said). */
    private static String earlyStop(List<String> words) {
        if (words.size() == 1 && words.get(0).equals("off")) {
            return "off";
        }
        int patience = Values.intIn("set early-stop: PATIENCE", words.get(0), 1, Integer.MAX_VALUE);
        List<String> rest = words.subList(1, words.size());
        if (!rest.isEmpty() && rest.get(0).equals("--metric")) {
            rest = rest.subList(1, rest.size());
        }
        if (rest.size() > 1 || rest.size() == 1 && !EARLY_STOP_METRICS.contains(rest.get(0))) {
            throw new ShellError("set early-stop: expected off, or PATIENCE [--metric val-loss|val-accuracy], found "
                    + Values.shown(String.join(" ", words)));
        }
        return patience + " " + (rest.isEmpty() ? "val-loss" : rest.get(0));
    }

    /** Evaluations without improvement after which training stops; 0 when early stopping is off. */
    public int earlyStopPatience() {
        String v = values.get("early-stop");
        return v.equals("off") ? 0 : Integer.parseInt(v.split(" ")[0]);
    }

    /**
     * The held-out metric the best weights are judged by: early stopping's, else val-accuracy
     * (measured on the test images when there are no validation images).
     */
    public String bestMetric() {
        String v = values.get("early-stop");
        return v.equals("off") ? "val-accuracy" : v.split(" ")[1];
    }

    private static String batchSize(String v) {
        try {
            return Integer.toString(Values.intIn("set batch:", v, 1, Integer.MAX_VALUE));
        } catch (ShellError e) {
            throw new ShellError("set batch: must be 'full' or a size from 1 to " + Integer.MAX_VALUE
                    + ", found " + Values.shown(v));
        }
    }

    private static void require(String key, String v, boolean ok, String expected) {
        if (!ok) {
            throw new ShellError("set " + key + ": must be " + expected + ", found " + Values.shown(v));
        }
    }

    /** "a, b or c". */
    private static String oneOf(List<String> words) {
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }

    private static String meaning(String key) {
        return Arrays.stream(KEYS).filter(k -> k[0].equals(key)).findFirst().map(k -> k[1]).orElse("");
    }

    /** The value of {@code key} as typed. */
    public String value(String key) {
        return values.get(key);
    }

    /** Every key with its value and meaning, in a fixed order. */
    public List<String[]> table() {
        List<String[]> rows = new ArrayList<>();
        for (String[] k : KEYS) {
            rows.add(new String[] {k[0], values.get(k[0]), k[1]});
        }
        return rows;
    }

    public double lr() {
        return lr;
    }

    public String optimizer() {
        return values.get("optimizer");
    }

    public double momentum() {
        return momentum;
    }

    public double beta1() {
        return beta1;
    }

    public double beta2() {
        return beta2;
    }

    public double eps() {
        return eps;
    }

    /** Images per update, or 0 for the whole training set. */
    public int batch() {
        return batch;
    }

    public boolean fullBatch() {
        return batch() == 0;
    }

    public double l2() {
        return l2;
    }

    /** How many times the first loss a loss may grow to before training stops; infinite when off. */
    public double diverge() {
        return diverge;
    }

    public Schedule schedule() {
        return schedule;
    }

    public BiasGrad biasGrad() {
        return biasGrad;
    }

    public int reportEvery() {
        return reportEvery;
    }

    public String engine() {
        return values.get("engine");
    }

    public int threads() {
        return threads;
    }

    /** The whole map, key to value as typed, in a fixed order (for saving). */
    public Map<String, String> asMap() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Settings s && values.equals(s.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }
}
