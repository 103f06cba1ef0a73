package mnistshell.commands;

import java.util.List;
import mnistshell.data.Dataset;
import mnistshell.inspect.Mistake;
import mnistshell.render.Numbers;
import mnistshell.render.Table;
import mnistshell.session.Session;
import mnistshell.shell.Args;
import mnistshell.shell.Command;
import mnistshell.shell.Context;

/** {@code errors [--limit N] [--label L] [--pred P] [--train]}: the images the network gets wrong, most confident first. */
public final class ErrorsCommand extends Command {

    static final int DEFAULT_LIMIT = 10;

    public ErrorsCommand() {
        super("errors", "errors [--limit N] [--label L] [--pred P] [--train|--test]", "misclassified test (or train) images, most confident first");
    }

    @Override
    public String details() {
        return """
                Each with its index (for show N), label, prediction and the probability given to it.
                --label 4 --pred 9   only 4s taken for 9s (the seed's example)
                --limit N            at most N lines (default 10)
                --train              the training images instead of the test images
                --test               the test images when validation images are held out
                                     (they are then the default)""";
    }

    @Override
    public void run(Args args, Context ctx) {
        int limit = args.intOption("--limit", DEFAULT_LIMIT, 1, Integer.MAX_VALUE);
        int label = args.intOption("--label", -1, 0, Dataset.CLASSES - 1);
        int pred = args.intOption("--pred", -1, 0, Dataset.CLASSES - 1);
        boolean train = args.flag("--train");
        boolean test = args.flag("--test");
        args.done();
        if (train && test) {
            throw args.error("--train or --test, not both");
        }
        if (label >= 0 && label == pred) {
            throw args.valueError("--label " + label + " --pred " + pred + " asks for correct answers, not mistakes");
        }
        Session s = ctx.session();
        boolean val = !train && !test && s.split().hasValidation();
        int[] images = train ? s.trainImages("errors --train", 1) : val ? s.validationImages("errors")
                : s.testImages("errors");
        List<Mistake> wrong = Mistake.find(s.network(), s.data(), images).stream()
                .filter(m -> (label < 0 || m.label() == label) && (pred < 0 || m.predicted() == pred)).toList();
        ctx.out().printf("%d of %d %s images wrong%s%s%n", wrong.size(), images.length,
                train ? "training" : val ? "validation" : "test",
                filter(label, pred), wrong.isEmpty() ? "" : wrong.size() > limit
                        ? "; the " + limit + " most confident:" : ", most confident first:");
        if (!wrong.isEmpty()) {
            Table table = new Table("image", "label", "predicted", "confidence");
            for (Mistake m : wrong.subList(0, Math.min(limit, wrong.size()))) {
                table.row(Integer.toString(m.image()), Integer.toString(m.label()), Integer.toString(m.predicted()),
                        Numbers.percent(m.confidence()));
            }
            ctx.out().print(table.render());
        }
    }

    private static String filter(int label, int pred) {
        String l = label < 0 ? "" : " labelled " + label;
        String p = pred < 0 ? "" : (label < 0 ? "" : " and") + " predicted " + pred;
        return l.isEmpty() && p.isEmpty() ? "" : " (" + (l + p).strip() + ")";
    }
}
