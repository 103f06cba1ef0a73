package mnistshell.commands;

import mnistshell.shell.Args;
import mnistshell.shell.Command;
import mnistshell.shell.Context;
import mnistshell.shell.TrainingRun;

/** {@code step [N]}: N parameter updates. */
public final class StepCommand extends Command {

    public StepCommand() {
        super("step", "step [N]", "train: N parameter updates (default 1), full-batch or mini-batch as set");
    }

    @Override
    public String details() {
        return """
                Each update uses the whole training set (set batch full, the seed's) or the next mini-batch
                of a seeded shuffle (set batch 64). Ends with one line: update count, epoch, loss, train
                and test accuracy, time and updates per second. A progress bar shows at a terminal;
                elsewhere set report-every K prints a line every K updates. Ctrl-C stops after the
                update in progress.
                Training that diverges stops: a loss, gradient or weight that is NaN or infinite, or
                a loss over FACTOR times the first update's (or ln 10, if larger; set diverge
                FACTOR, default 1e6, or off). The update that made the bad weights is undone, and
                the one after it: training goes back to the last update whose loss, gradients and
                weights were all finite and within the limit, at most to where this step began.
                The last update's weights are judged by the training loss after them.""";
    }

    @Override
    public void run(Args args, Context ctx) {
        int updates = args.nextInt("N", 1, 1, 100_000_000);
        args.done();
        TrainingRun.steps(ctx, updates);
    }
}
