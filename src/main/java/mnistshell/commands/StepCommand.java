package mnistshell.commands;

import java.io.PrintStream;
import mnistshell.session.Session;
import mnistshell.session.StepReport;
import mnistshell.shell.Args;
import mnistshell.shell.Command;
import mnistshell.shell.Context;
import mnistshell.shell.ProgressLine;

/** {@code step [N] [--every K]}: N full-batch gradient-descent updates. */
public final class StepCommand implements Command {

    @Override
    public String name() {
        return "step";
    }

    @Override
    public String usage() {
        return "step [N] [--every K]";
    }

    @Override
    public String summary() {
        return "train: N full-batch gradient-descent updates (default 1)";
    }

    @Override
    public String details() {
        return "Each update uses every training image, learning rate 0.10, as the seed notebook did.\n"
                + "Ends with one line: update count, loss, train and test accuracy, time taken.\n"
                + "--every K  also prints that line after every K updates.\n"
                + "Ctrl-C stops after the update in progress; the weights stay consistent.";
    }

    @Override
    public void run(Args args, Context ctx) {
        int every = args.intOption("--every", 0, 1, Integer.MAX_VALUE);
        int updates = args.nextInt("N", 1, 1, 100_000_000);
        args.done();
        Session session = ctx.session();
        int done = 0;
        while (done < updates && !ctx.cancelled()) {
            int chunk = every == 0 ? updates - done : Math.min(every, updates - done);
            ProgressLine bar = new ProgressLine(ctx.out(), chunk, System::nanoTime);
            int first = session.iteration();
            StepReport report = session.step(chunk, ctx::cancelled,
                    ctx.interactive() ? iteration -> bar.accept(iteration - first) : iteration -> { });
            bar.clear();
            done += report.updates();
            print(ctx.out(), report);
        }
        if (ctx.cancelled()) {
            ctx.out().printf("interrupted after %d of %d updates%n", done, updates);
        }
    }

    static void print(PrintStream out, StepReport r) {
        out.printf("iteration %d: loss %.4f, train %.2f%%, test %.2f%% (%d update%s in %.2f s)%n",
                r.iteration(), r.loss(), 100 * r.trainAccuracy(), 100 * r.testAccuracy(),
                r.updates(), r.updates() == 1 ? "" : "s", r.seconds());
    }
}
