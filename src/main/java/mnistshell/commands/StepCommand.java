package mnistshell.commands;

import mnistshell.session.Session;
import mnistshell.shell.Args;
import mnistshell.shell.Command;
import mnistshell.shell.Context;

/** {@code step [N]}: N parameter updates. */
public final class StepCommand implements Command {

    @Override
    public String name() {
        return "step";
    }

    @Override
    public String usage() {
        return "step [N]";
    }

    @Override
    public String summary() {
        return "train: N parameter updates (default 1), full-batch or mini-batch as set";
    }

    @Override
    public String details() {
        return """
                Each update uses the whole training set (set batch full, the seed's) or the next mini-batch
                of a seeded shuffle (set batch 64). Ends with one line: update count, epoch, loss, train
                and test accuracy, time and updates per second. A progress bar shows at a terminal;
                elsewhere set report-every K prints a line every K updates. Ctrl-C stops after the
                update in progress; a NaN or infinity stops training and undoes the update that made it.""";
    }

    @Override
    public void run(Args args, Context ctx) {
        int updates = args.nextInt("N", 1, 1, 100_000_000);
        args.done();
        Session session = ctx.session();
        session.checkRoomFor(updates);
        TrainingRun.run(ctx, updates, progress -> session.step(updates, ctx::cancelled, progress, ctx.out()::println));
    }
}
