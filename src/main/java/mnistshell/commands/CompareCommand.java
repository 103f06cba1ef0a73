package mnistshell.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import mnistshell.errors.ShellError;
import mnistshell.render.Numbers;
import mnistshell.render.SafeText;
import mnistshell.render.Table;
import mnistshell.session.Session;
import mnistshell.shell.Args;
import mnistshell.shell.Command;
import mnistshell.shell.Context;
import mnistshell.train.Settings;
import mnistshell.train.Training;

/** {@code compare [NAMES...]}: the runs side by side, and the settings in which they differ. */
public final class CompareCommand extends Command {

    public CompareCommand() {
        super("compare", "compare [NAMES...]", "runs side by side: updates, loss, accuracies, best, and differing settings");
    }

    @Override
    public void run(Args args, Context ctx) {
        Session s = ctx.session();
        List<String> names = new ArrayList<>();
        for (String w = args.next(); w != null; w = args.next()) {
            names.add(w);
        }
        args.done();
        if (names.isEmpty()) {
            names = s.runNames();
        }
        for (String n : names) {
            if (!s.runNames().contains(n)) {
                throw new ShellError("compare: no run " + mnistshell.errors.Values.shown(n) + " (runs: "
                        + String.join(", ", s.runNames()) + ")");
            }
        }
        ctx.out().print(table(s, names).render());
        for (String line : differences(s, names)) {
            ctx.out().println(line);
        }
    }

    /** One row per run; a held-out set without images shows "-". */
    static Table table(Session s, List<String> names) {
        boolean val = s.split().hasValidation();
        Table table = new Table("run", "updates", "loss", "train", "val", "test", "best", "at");
        for (String name : names) {
            Training t = s.trainingOf(name);
            mnistshell.nn.Evaluation train = t.evaluate(s.data(), s.split().train());
            String v = val ? Numbers.percent(t.evaluate(s.data(), s.split().val()).accuracy()) : "-";
            String test = s.split().test().length == 0 ? "-"
                    : Numbers.percent(t.evaluate(s.data(), s.split().test()).accuracy());
            double best = t.bestMetric();
            String metric = t.settings().bestMetric();
            String shown = Double.isNaN(best) ? "-" : metric.endsWith("loss") ? Numbers.compact(best)
                    : Numbers.percent(best);
            table.row(SafeText.escape(name), Integer.toString(t.updates()), Numbers.compact(train.loss()),
                    Numbers.percent(train.accuracy()), v, test, shown,
                    Double.isNaN(best) ? "-" : Integer.toString(t.bestUpdate()));
            if (!name.equals(s.runName())) {
                t.close(); // a put-aside run keeps no kernel threads
            }
        }
        return table;
    }

    /** "lr: main 0.1, fast 0.5", one line per setting whose value is not the same in every run. */
    static List<String> differences(Session s, List<String> names) {
        List<String> lines = new ArrayList<>();
        for (String key : Settings.keys()) {
            if (key.equals("threads")) {
                continue; // how fast, not what is learnt
            }
            Map<String, String> values = new TreeMap<>();
            for (String name : names) {
                values.put(name, s.trainingOf(name).settings().value(key));
            }
            if (values.values().stream().distinct().count() > 1) {
                List<String> parts = new ArrayList<>();
                values.forEach((name, v) -> parts.add(name + " " + v));
                lines.add(fit(key + ": " + String.join(", ", parts)));
            }
        }
        if (names.size() > 1 && lines.isEmpty()) {
            lines.add("same settings in every run");
        }
        return lines;
    }

    private static String fit(String line) {
        String safe = SafeText.escape(line);
        return safe.length() <= 80 ? safe : safe.substring(0, 77) + "...";
    }
}
