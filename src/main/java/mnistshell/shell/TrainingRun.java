package mnistshell.shell;

import java.io.PrintStream;
import java.util.function.IntConsumer;
import mnistshell.render.Numbers;
import mnistshell.session.Session;
import mnistshell.session.StepReport;
import mnistshell.errors.ShellError;

/**
 * How a training command runs at the shell ({@code step}, {@code epoch}, {@code train}): a progress
 * bar on a terminal, the summary line, and a NaN stop turned into an error (so a command file stops
 * there too).
 */
public final class TrainingRun {

    /** How a command starts its run, given where progress goes. */
    public interface Runner {
        StepReport run(IntConsumer progress);
    }

    private TrainingRun() {
    }

    /** Runs {@code runner} with a progress bar over {@code planned} updates when a person is watching. */
    public static StepReport run(Context ctx, int planned, Runner runner) {
        ProgressLine bar = new ProgressLine(ctx.out(), planned, System::nanoTime, ctx::columns);
        StepReport report = runner.run(ctx.interactive() ? bar : done -> { });
        bar.clear();
        conclude(ctx, report);
        return report;
    }

    /** {@code updates} updates with a progress bar and the summary line: {@code step N}, and {@code train N} outside a terminal. */
    public static void steps(Context ctx, int updates) {
        Session session = ctx.session();
        session.checkRoomFor(updates);
        run(ctx, updates, progress -> session.step(updates, ctx::cancelled, progress, ctx.out()::println));
    }

    /** {@code epochs} passes with a progress bar and the summary line: {@code epoch N}, and {@code train --epochs E} outside a terminal. */
    public static void epochs(Context ctx, int epochs) {
        Session session = ctx.session();
        long planned = session.updatesForEpochs(epochs);
        session.checkRoomFor(planned);
        run(ctx, (int) planned, progress -> session.epochs(epochs, ctx::cancelled, progress, ctx.out()::println));
    }

    /** The summary line, a note if the user stopped it early, and a NaN stop as an error. */
    public static void conclude(Context ctx, StepReport report) {
        if (!Double.isNaN(report.loss())) { // NaN: nothing could be measured, the failure says why
            print(ctx.out(), report);
        }
        if (ctx.session().training().earlyStopped() != null) {
            ctx.out().println(ctx.session().training().earlyStopped());
        }
        if (report.interrupted()) {
            ctx.out().println("interrupted: the weights are those after update " + report.iteration());
        }
        if (report.failure() != null) {
            throw new ShellError(report.failure());
        }
    }

    public static void print(PrintStream out, StepReport r) {
        // within 80 columns: the update count, the loss, both accuracies, the time, updates per second
        boolean val = !Double.isNaN(r.valAccuracy());
        double heldOut = val ? r.valAccuracy() : r.testAccuracy();
        String test = Double.isNaN(heldOut) ? "none" : String.format("%.2f%%", 100 * heldOut);
        String valLoss = val ? " (loss " + Numbers.compact(r.valLoss()) + ")" : "";
        String figures = String.format("update %d (epoch %d): loss %s, train %.2f%%, %s %s%s", r.iteration(),
                r.epoch(), Numbers.compact(r.loss()), 100 * r.trainAccuracy(), val ? "val" : "test", test, valLoss);
        String time = String.format("%.1f s, %.0f/s", r.seconds(), r.updatesPerSecond());
        // the time goes on a line of its own rather than breaking a figure
        out.println(figures.length() + 2 + time.length() <= mnistshell.render.Wrap.COLUMNS ? figures + ", " + time
                : figures + ",\n  " + time);
    }
}
