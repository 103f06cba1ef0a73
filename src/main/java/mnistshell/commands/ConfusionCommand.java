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
public final class ConfusionCommand extends Command {

    static final int PAIRS = 3;

    public ConfusionCommand() {
        super("confusion", "confusion [--train|--test]", "the 10x10 confusion matrix with recall, precision and the most confused pairs");
    }

    @Override
    public String details() {
        return """
                Rows are true labels, columns predictions; '.' is an empty cell. recall: share of a
                digit's images predicted right; precision: share of a prediction that is right.
                --train   the training images instead of the test images
                --test    the test images when validation images are held out (they are
                          then the default)""";
    }

    @Override
    public void run(Args args, Context ctx) {
        boolean train = args.flag("--train");
        boolean test = args.flag("--test");
        args.done();
        if (train && test) {
            throw args.error("--train or --test, not both");
        }
        Session s = ctx.session();
        boolean val = !train && !test && s.split().hasValidation();
        int[] images = train ? s.trainImages("confusion --train", 1) : val ? s.validationImages("confusion")
                : s.testImages("confusion");
        Evaluation e = train ? s.evaluateTrain() : val ? s.evaluateValidation() : s.evaluateTest();
        int[] labels = new int[images.length];
        for (int i = 0; i < images.length; i++) {
            labels[i] = s.data().label(images[i]);
        }
        ctx.out().printf("%s images: %d, accuracy %s; rows are labels, columns predictions%n",
                train ? "training" : val ? "validation" : "test", images.length, Numbers.percent(e.accuracy()));
        ctx.out().print(ConfusionTable.render(Confusion.of(labels, e.predictions(), Dataset.CLASSES), PAIRS));
    }
}
