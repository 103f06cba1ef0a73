package mnistshell.commands;

import java.util.List;
import mnistshell.render.Numbers;
import mnistshell.session.Session;
import mnistshell.shell.Args;
import mnistshell.shell.Command;
import mnistshell.shell.Context;
import mnistshell.train.Training;
import org.jline.reader.Completer;
import org.jline.reader.impl.completer.StringsCompleter;

/** {@code best [restore]}: the best weights by the held-out metric, and going back to them. */
public final class BestCommand extends Command {

    public BestCommand() {
        super("best", "best [restore]", "the update and held-out metric of the best weights; restore puts them back");
    }

    @Override
    public String details() {
        return """
                The weights are judged at each held-out check (every full-batch update, or each
                epoch's end) by set early-stop's metric, else val-accuracy; on the validation
                images, or on the test images when none are held out (data split --val M).
                best restore puts back those weights with the optimizer state, batch order and
                history of their update, so step goes on from there exactly.""";
    }

    @Override
    public List<Completer> argumentCompleters() {
        return List.of(new StringsCompleter("restore"));
    }

    @Override
    public void run(Args args, Context ctx) {
        String sub = args.next();
        args.done();
        if (sub != null && !sub.equals("restore")) {
            throw args.error("expected restore or nothing, found '" + sub + "'");
        }
        Session s = ctx.session();
        Training t = s.training();
        if (sub != null) {
            int update = t.restoreBest();
            ctx.out().printf("restored the best weights: update %d, %s; history after it forgotten%n", update,
                    metric(s));
            return;
        }
        if (t.best().update() == 0 && Double.isNaN(t.best().metric())) {
            ctx.out().println("best: no held-out check yet (every full-batch update, or each epoch's end)");
            return;
        }
        ctx.out().printf("best: update %d, %s; %d %s since%n", t.best().update(), metric(s), t.best().sinceBest(),
                t.best().sinceBest() == 1 ? "check" : "checks");
        if (!s.split().hasValidation()) {
            ctx.out().println("note: no validation images, so judged on the test images (data split --val M)");
        }
    }

    /** "val-loss 0.3412" or "val-accuracy 91.20%", named "test-..." when judged on the test images. */
    private static String metric(Session s) {
        String name = s.training().settings().bestMetric();
        if (!s.split().hasValidation()) {
            name = name.replace("val-", "test-");
        }
        double v = s.training().best().metric();
        return name + " " + (name.endsWith("loss") ? Numbers.compact(v) : Numbers.percent(v));
    }
}
