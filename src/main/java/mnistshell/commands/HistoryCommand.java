package mnistshell.commands;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mnistshell.files.AtomicFile;
import mnistshell.files.FileRefusal;
import mnistshell.render.BlockChart;
import mnistshell.render.CurvesImage;
import mnistshell.render.LayersImage;
import mnistshell.render.Numbers;
import mnistshell.render.SafeText;
import mnistshell.shell.Args;
import mnistshell.shell.Command;
import mnistshell.shell.Context;
import mnistshell.errors.ShellError;
import mnistshell.train.History;
import org.jline.builtins.Completers;
import org.jline.reader.Completer;

/** {@code history [--csv FILE] [--png FILE]}: the learning curves since init, with the setting changes marked. */
public final class HistoryCommand extends Command {

    static final int HEIGHT = 5;

    public HistoryCommand() {
        super("history", "history [--layers] [--csv FILE] [--png FILE]", "loss and accuracies over the updates as text charts; ^ marks a setting change");
    }

    @Override
    public String details() {
        return """
                Loss and train accuracy are those of each update's batch, measured before the update;
                test accuracy (validation accuracy, when data split --val M holds some out) is
                measured after every full-batch update, or at each epoch's end.
                --csv FILE   writes the numbers: update, epoch, loss, accuracies, settings changed
                --png FILE   draws the curves as a PNG picture (with --layers, those charts)
                --layers     per weight matrix its upd/w (log scale, 1e-3 guide) and gradient
                             norm, per hidden layer its activations' mean, spread and share
                             off or saturated, all recorded at every update""";
    }

    @Override
    public List<Completer> argumentCompleters() {
        return List.of(new Completers.FileNameCompleter());
    }

    @Override
    public void run(Args args, Context ctx) {
        String csv = args.option("--csv");
        String png = args.option("--png");
        boolean layers = args.flag("--layers");
        args.done();
        History history = ctx.session().training().history();
        List<History.Point> points = history.points();
        if (points.isEmpty()) {
            throw new ShellError("no updates since init: nothing to chart yet (try step)");
        }
        Map<Integer, String> changes = changesByPosition(history.changes());
        int[] marks = changes.keySet().stream().mapToInt(Integer::intValue).toArray();
        double[] heldOut = heldOutSeries(history);
        if (layers && csv != null) { // refused before anything is written
            throw args.error("--csv writes the learning curves, not the layer statistics: drop --layers");
        }
        if (csv != null) {
            writeCsv(points, changes, history.validations(), csv);
            ctx.out().printf("wrote %s: %d updates%n", SafeText.escape(csv), points.size());
        }
        if (layers && history.layers().isEmpty()) {
            throw new ShellError("no layer statistics: this session's updates were loaded from a file saved "
                    + "without them (step records them from here)");
        }
        if (png != null && layers) {
            LayersImage.Series s = LayerCharts.series(history.layers(), ctx.session().network());
            PngFile.write(LayersImage.draw(s, changes), png);
            ctx.out().printf("wrote %s (%dx%d PNG): layer statistics of %d updates, %s%n", SafeText.escape(png),
                    LayersImage.WIDTH, LayersImage.HEIGHT, s.updates().length, LayersImage.sampling(s.updates()));
        } else if (png != null) {
            PngFile.write(CurvesImage.draw(series(points, 0), series(points, 1), heldOut,
                    history.validations().isEmpty() ? "test accuracy" : "validation accuracy", changes), png);
            ctx.out().printf("wrote %s (%dx%d PNG): loss and accuracy over %d updates%n", SafeText.escape(png),
                    CurvesImage.WIDTH, CurvesImage.HEIGHT, points.size());
        } else if (layers) {
            LayerCharts.print(ctx.out(), history.layers(), ctx.session().network(), marks);
        } else if (csv == null) {
            chart(ctx, points, marks, changes, heldOut, !history.validations().isEmpty());
        }
    }

    /** Test accuracy after each update, or validation accuracy when that was measured (NaN where neither was). */
    static double[] heldOutSeries(History history) {
        List<History.Point> points = history.points();
        if (history.validations().isEmpty()) {
            return series(points, 2);
        }
        return validationSeries(history, false);
    }

    /** The validation accuracy, or loss, after each update (NaN where it was not measured). */
    static double[] validationSeries(History history, boolean loss) {
        List<History.Point> points = history.points();
        Map<Integer, Double> byUpdate = new java.util.HashMap<>();
        history.validations().forEach(v -> byUpdate.put(v.update(), loss ? v.loss() : v.accuracy()));
        double[] out = new double[points.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = byUpdate.getOrDefault(points.get(i).update(), Double.NaN);
        }
        return out;
    }

    private static void chart(Context ctx, List<History.Point> points, int[] marks, Map<Integer, String> changes,
                              double[] heldOut, boolean val) {
        int width = BlockChart.HISTORY_WIDTH;
        ctx.out().printf("%d updates, %d epochs; %s%n", points.size(), points.get(points.size() - 1).epoch(),
                points.size() > width ? "each column the mean of about " + (points.size() + width - 1) / width
                        + " updates" : "a column per update");
        int[] updates = points.stream().mapToInt(History.Point::update).toArray();
        String[] titles = {"loss of each batch, before its update", "accuracy on each batch, before its update",
            val ? "validation accuracy after the update" : "test accuracy after the update",
            "validation loss after the update"};
        for (int s = 0; s < (val ? 4 : 3); s++) {
            double[] values = s == 3 ? validationSeries(ctx.session().training().history(), true)
                    : s == 2 ? heldOut : series(points, s);
            ctx.out().println(titles[s]);
            ctx.out().print(BlockChart.render(values, updates, marks, width, HEIGHT,
                    s == 0 || s == 3 ? Numbers::brief : Numbers::percent));
        }
        for (Map.Entry<Integer, String> c : changes.entrySet()) {
            ctx.out().printf("  ^ from update %d: %s%n", c.getKey() + 1, SafeText.escape(c.getValue()));
        }
        for (History.Mark m : ctx.session().training().history().marks()) {
            ctx.out().printf("  ! after update %d: %s%n", m.update(), SafeText.escape(m.text()));
        }
    }

    /** Series {@code s}: 0 loss, 1 batch accuracy, 2 test accuracy (NaN where not measured). */
    static double[] series(List<History.Point> points, int s) {
        double[] out = new double[points.size()];
        for (int i = 0; i < out.length; i++) {
            History.Point p = points.get(i);
            out[i] = s == 0 ? p.loss() : s == 1 ? p.trainAccuracy() : p.testAccuracy();
        }
        return out;
    }

    /** The changes, as "lr = 0.05, batch = 64", keyed by the position (update - 1) of the first update they applied to. */
    static Map<Integer, String> changesByPosition(List<History.Change> changes) {
        Map<Integer, String> out = new LinkedHashMap<>();
        for (History.Change c : changes) {
            out.merge(c.update(), c.key() + " = " + c.value(), (a, b) -> a + ", " + b);
        }
        return out;
    }

    private static void writeCsv(List<History.Point> points, Map<Integer, String> changes,
                                 List<History.Validation> validations, String file) {
        boolean val = !validations.isEmpty(); // the columns appear only when a validation set was held out
        Map<Integer, History.Validation> byUpdate = new java.util.HashMap<>();
        validations.forEach(v -> byUpdate.put(v.update(), v));
        List<String> lines = new ArrayList<>();
        lines.add("update,epoch,loss,train_accuracy,test_accuracy," + (val ? "val_loss,val_accuracy," : "") + "changes");
        for (int i = 0; i < points.size(); i++) {
            History.Point p = points.get(i);
            History.Validation v = byUpdate.get(p.update());
            lines.add(p.update() + "," + p.epoch() + "," + p.loss() + "," + p.trainAccuracy() + ","
                    + (Double.isNaN(p.testAccuracy()) ? "" : p.testAccuracy()) + ","
                    + (!val ? "" : v == null ? ",," : v.loss() + "," + v.accuracy() + ",")
                    + "\"" + changes.getOrDefault(i, "") + "\"");
        }
        try {
            AtomicFile.writeText(Path.of(file), StandardCharsets.UTF_8, w -> {
                for (String line : lines) {
                    w.write(line);
                    w.write('\n');
                }
            });
        } catch (FileRefusal e) {
            throw new ShellError(e.getMessage());
        }
    }
}
