package mnistshell.commands;

import mnistshell.data.Dataset;
import mnistshell.inspect.Confusion;
import mnistshell.nn.Evaluation;
import mnistshell.render.ConfusionTable;
import mnistshell.render.Numbers;
import mnistshell.session.Session;
import mnistshell.shell.Args;
import mnistshell.shell.Command;
import mnistshell.shell.Context;

/** {@code confusion [--train]}: which digits are taken for which, with recall and precision. */
public final class ConfusionCommand implements Command {

    static final int PAIRS = 3;

    @Override
    public String name() {
        return "confusion";
    }

    @Override
    public String usage() {
        return "confusion [--train]";
    }

    @Override
    public String summary() {
        return "the 10x10 confusion matrix with recall, precision and the most confused pairs";
    }

    @Override
    public String details() {
        return """
                Rows are true labels, columns predictions; '.' is an empty cell. recall: share of a
                digit's images predicted right; precision: share of a prediction that is right.
                --train   the training images instead of the test images""";
    }

    @Override
    public void run(Args args, Context ctx) {
        boolean train = args.flag("--train");
        args.done();
        Session s = ctx.session();
        int[] images = train ? s.trainImages("confusion --train", 1) : s.testImages("confusion");
        Evaluation e = train ? s.evaluateTrain() : s.evaluateTest();
        int[] labels = new int[images.length];
        for (int i = 0; i < images.length; i++) {
            labels[i] = s.data().label(images[i]);
        }
        ctx.out().printf("%s images: %d, accuracy %s; rows are labels, columns predictions%n",
                train ? "training" : "test", images.length, Numbers.percent(e.accuracy()));
        ctx.out().print(ConfusionTable.render(Confusion.of(labels, e.predictions(), Dataset.CLASSES), PAIRS));
    }
}
