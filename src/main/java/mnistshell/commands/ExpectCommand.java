package mnistshell.commands;

import java.util.List;
import mnistshell.render.Numbers;
import mnistshell.session.Session;
import mnistshell.shell.Args;
import mnistshell.shell.Command;
import mnistshell.shell.Context;
import mnistshell.errors.ShellError;
import mnistshell.errors.Values;
import org.jline.reader.Completer;
import org.jline.reader.impl.completer.StringsCompleter;

/** {@code expect METRIC OP VALUE}: fails, naming the actual value, when the comparison is false; a command file becomes a test. */
public final class ExpectCommand extends Command {

    static final List<String> METRICS = List.of("train-accuracy", "test-accuracy", "val-accuracy", "val-loss", "loss",
            "step");
    static final List<String> OPS = List.of("<", "<=", ">", ">=", "==", "!=");

    public ExpectCommand() {
        super("expect", "expect METRIC OP VALUE", "fail the command file when a metric is off: expect test-accuracy >= 0.906");
    }

    @Override
    public String details() {
        return """
                METRIC: train-accuracy and test-accuracy (shares, 0 to 1), loss (mean cross-entropy on the
                training images), val-accuracy and val-loss (of the validation images: data split
                --val M), step (updates made, a count). OP: < <= > >= == !=. Quote < and > in a Unix shell.""";
    }

    @Override
    public List<Completer> argumentCompleters() {
        return List.of(new StringsCompleter(METRICS), new StringsCompleter(OPS));
    }

    @Override
    public void run(Args args, Context ctx) {
        String metric = args.next();
        String op = args.next();
        String word = args.next();
        args.done();
        if (word == null) {
            throw args.error("needs a metric, a comparison and a value");
        }
        if (!METRICS.contains(metric)) {
            throw args.valueError("unknown metric '" + metric + "' (see help expect)");
        }
        if (!OPS.contains(op)) {
            throw args.error("unknown comparison '" + op + "': expected one of " + String.join(" ", OPS));
        }
        double expected = metric.equals("step") ? count(args, word) : value(args, word);
        double actual = measure(ctx.session(), metric);
        String shown = format(metric, actual);
        String percent = metric.endsWith("accuracy") ? String.format("%.2f%%", 100 * actual) : null;
        if (!holds(actual, op, expected)) {
            throw new ShellError("expect " + metric + " " + op + " " + word + " failed: " + metric + " is " + shown
                    + (percent == null ? "" : " (" + percent + ")"));
        }
        ctx.out().printf("ok: %s %s %s (%s)%n", metric, op, word, shown + (percent == null ? "" : ", " + percent));
    }

    static double measure(Session s, String metric) {
        return switch (metric) {
            case "train-accuracy" -> s.evaluateTrain().accuracy();
            case "test-accuracy" -> s.training().evaluate(s.data(), s.testImages("expect test-accuracy")).accuracy();
            case "val-accuracy" -> s.training().evaluate(s.data(), s.validationImages("expect val-accuracy")).accuracy();
            case "val-loss" -> s.training().evaluate(s.data(), s.validationImages("expect val-loss")).loss();
            case "loss" -> s.evaluateTrain().loss();
            case "step" -> s.iteration();
            default -> throw new IllegalArgumentException(metric);
        };
    }

    static boolean holds(double actual, String op, double expected) {
        return switch (op) {
            case "<" -> actual < expected;
            case "<=" -> actual <= expected;
            case ">" -> actual > expected;
            case ">=" -> actual >= expected;
            case "==" -> actual == expected;
            case "!=" -> actual != expected;
            default -> throw new IllegalArgumentException(op);
        };
    }

    /** As VALUE is written: a share 0 to 1 (shown beside as the percentage every share is shown as). */
    private static String format(String metric, double v) {
        return metric.equals("step") ? Long.toString((long) v) : Numbers.compact(v);
    }

    /** The update count to compare with: a count, written as every count is. */
    private static double count(Args args, String word) {
        try {
            return Values.longIn("VALUE", word, 0, Long.MAX_VALUE);
        } catch (ShellError e) {
            throw args.valueError(e.getMessage());
        }
    }

    private static double value(Args args, String word) {
        try {
            return Values.number("VALUE", word, Values.Range.any());
        } catch (ShellError e) {
            throw args.valueError(e.getMessage());
        }
    }
}
