package mnistshell.commands;

import mnistshell.shell.Args;
import mnistshell.shell.Command;
import mnistshell.shell.Context;
import mnistshell.shell.TrainingRun;

/** {@code epoch [N]}: N passes over the training set. */
public final class EpochCommand extends Command {

    public EpochCommand() {
        super("epoch", "epoch [N]", "train: N passes over the training set (default 1)");
    }

    @Override
    public String details() {
        return """
                With batch full an epoch is one update. With mini-batches it is as many as it takes to use
                every training image once, in a new seeded order each epoch; if the last epoch was left
                part-way by step, the first of the N finishes it. Otherwise as step.""";
    }

    @Override
    public void run(Args args, Context ctx) {
        int epochs = args.nextInt("N", 1, 1, 1_000_000);
        args.done();
        TrainingRun.epochs(ctx, epochs);
    }
}
