package mnistshell.commands;

import java.util.ArrayList;
import java.util.List;
import mnistshell.errors.ShellError;
import mnistshell.render.RunsImage;
import mnistshell.render.SafeText;
import mnistshell.session.Comparison;
import mnistshell.session.Session;
import mnistshell.shell.Args;
import mnistshell.shell.Command;
import mnistshell.shell.Context;

/** {@code compare [NAMES...]}: the runs side by side, and the settings in which they differ. */
public final class CompareCommand extends Command {

    public CompareCommand() {
        super("compare", "compare [NAMES...] [--png FILE]", "runs side by side: updates, loss, accuracies, best, and differing settings");
    }

    @Override
    public String details() {
        return """
                Then the runs' curves on one chart, a symbol per run: the loss of each batch, and
                the validation accuracy (the test accuracy when no validation images are held out).
                --png FILE   draws the same curves as a PNG picture, with a legend""";
    }

    @Override
    public void run(Args args, Context ctx) {
        Session s = ctx.session();
        String png = args.option("--png");
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
        print(ctx, names, png);
    }

    /** The comparison of runs {@code names}, and its picture when {@code png} is given. */
    private static void print(Context ctx, List<String> names, String png) {
        Session s = ctx.session();
        for (String line : Comparison.lines(s, names)) {
            ctx.out().println(line);
        }
        if (png != null) {
            Comparison.Curves c = Comparison.curves(s, names);
            PngFile.write(RunsImage.draw(Comparison.LOSS_TITLE, c.loss(), c.accuracyTitle(), c.accuracy()), png);
            ctx.out().printf("wrote %s (%dx%d PNG): loss and %s of %d runs%n", SafeText.escape(png),
                    RunsImage.WIDTH, RunsImage.HEIGHT, c.accuracyTitle().replace(" after the update", ""),
                    names.size());
        }
    }
}
