package mnistshell.commands;

import java.io.PrintStream;
import mnistshell.nn.Evaluation;
import mnistshell.render.Numbers;
import mnistshell.shell.Args;
import mnistshell.shell.Command;
import mnistshell.shell.Context;

/** {@code eval}: accuracy and loss on the training and the test images. */
public final class EvalCommand extends Command {

    public EvalCommand() {
        super("eval", "eval [--test]", "train and test (or validation) accuracy and loss of the network now");
    }

    @Override
    public String details() {
        return """
                With validation images held out (data split --val M), eval shows them in place
                of the test images, which are for the end: eval --test shows those too.""";
    }

    @Override
    public void run(Args args, Context ctx) {
        boolean test = args.flag("--test");
        args.done();
        for (String warning : ctx.session().warningsOf(ctx.session().runName())) {
            ctx.out().println(warning);
        }
        print(ctx.out(), "train", ctx.session().evaluateTrain());
        if (ctx.session().split().hasValidation()) { // tuning on the test images would make them a validation set
            print(ctx.out(), "val", ctx.session().evaluateValidation());
            if (!test) {
                return;
            }
        }
        if (ctx.session().split().test().length == 0) {
            ctx.out().println("test accuracy: no test images (data split --test N holds some out)");
        } else {
            print(ctx.out(), "test", ctx.session().evaluateTest());
        }
    }

    private static void print(PrintStream out, String side, Evaluation e) {
        out.printf("%s accuracy %.2f%%  (%d/%d right), loss %s%n",
                side, 100 * e.accuracy(), e.correct(), e.count(), Numbers.compact(e.loss()));
    }
}
