package mnistshell.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import mnistshell.render.Numbers;
import mnistshell.render.RunsChart;
import mnistshell.render.SafeText;
import mnistshell.render.Table;
import mnistshell.render.Wrap;
import mnistshell.train.History;
import mnistshell.train.Settings;
import mnistshell.train.Training;

/**
 * Runs side by side, as {@code compare} and {@code sweep} print them: a table of their figures,
 * the settings in which they differ, each run's warnings, and their curves on one chart.
 */
public final class Comparison {

    private Comparison() {
    }

    /** The lines that compare runs {@code names} of {@code s}, within 80 columns. */
    public static List<String> lines(Session s, List<String> names) {
        List<String> out = new ArrayList<>(table(s, names).render().lines().toList());
        out.addAll(differences(s, names));
        for (String name : names) { // a run judged on images it trained on, or on pixels it did not, says so
            for (String warning : s.warningsOf(name)) {
                out.add(Wrap.line(SafeText.escape(name) + ": " + warning, Wrap.COLUMNS, 2));
            }
        }
        Curves c = curves(s, names);
        out.addAll(RunsChart.render(LOSS_TITLE, c.loss(), c.accuracyTitle(), c.accuracy(), RunsChart.HEIGHT));
        return out;
    }

    public static final String LOSS_TITLE = "loss of each batch, before its update";

    /** Each run's loss and held-out accuracy over its updates, and what that accuracy is. */
    public record Curves(List<RunsChart.Curve> loss, String accuracyTitle, List<RunsChart.Curve> accuracy) {
    }

    /** From the runs' histories: validation accuracy when the split holds validation images, else test accuracy. */
    public static Curves curves(Session s, List<String> names) {
        boolean val = s.split().hasValidation();
        List<RunsChart.Curve> loss = new ArrayList<>();
        List<RunsChart.Curve> accuracy = new ArrayList<>();
        for (String name : names) {
            History h = s.trainingOf(name).history();
            History.Series l = h.losses();
            History.Series a = h.heldOutAccuracy(val);
            loss.add(new RunsChart.Curve(SafeText.escape(name), l.updates(), l.values()));
            accuracy.add(new RunsChart.Curve(SafeText.escape(name), a.updates(), a.values()));
        }
        return new Curves(loss, (val ? "val" : "test") + " accuracy after the update", accuracy);
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
            double best = t.best().metric();
            String metric = t.settings().bestMetric();
            String shown = Double.isNaN(best) ? "-" : metric.endsWith("loss") ? Numbers.compact(best)
                    : Numbers.percent(best);
            table.row(SafeText.escape(name), Integer.toString(t.updates()), Numbers.compact(train.loss()),
                    Numbers.percent(train.accuracy()), v, test, shown,
                    Double.isNaN(best) ? "-" : Integer.toString(t.best().update()));
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

    private static String fit(String line) { // wrapped, never cut: a cut could lose a number
        return Wrap.line(SafeText.escape(line), Wrap.COLUMNS, 2);
    }
}
