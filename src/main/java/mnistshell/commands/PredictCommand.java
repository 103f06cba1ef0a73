package mnistshell.commands;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import mnistshell.data.UnlabelledSet;
import mnistshell.files.AtomicFile;
import mnistshell.files.FileRefusal;
import mnistshell.nn.Evaluation;
import mnistshell.render.Bars;
import mnistshell.render.SafeText;
import mnistshell.render.Wrap;
import mnistshell.session.ImageRef;
import mnistshell.session.Session;
import mnistshell.shell.Args;
import mnistshell.shell.Command;
import mnistshell.shell.Context;
import mnistshell.errors.ShellError;
import org.jline.builtins.Completers;
import org.jline.reader.Completer;
import org.jline.reader.impl.completer.StringsCompleter;

/**
 * {@code predict N}: the class probabilities of image N as bars; {@code predict --out FILE}: the
 * network's answer for every image of the unlabelled set, in Kaggle's submission format. (Each
 * form of {@code predict} is one method here.)
 */
public final class PredictCommand extends Command {

    static final String HEADER = "ImageId,Label";
    static final int BAR_WIDTH = 49; // "  3 ", the bar, " 65.5% <- predicted, label": 80 columns

    public PredictCommand() {
        super("predict", "predict N|drawn:N|unlabelled:N [--inside|--saliency] | predict --out FILE", "image N's class probabilities as bars; or a Kaggle submission for the unlabelled set");
    }

    @Override
    public String details() {
        return "N           image N (0-based, file order, as show N): a bar per class, label and prediction marked\n"
                + "--inside    every hidden layer's outputs for the image, and the units adding most\n"
                + "            to the predicted class; in a conv network every layer's feature maps\n"
                + "--saliency  the gradient of the predicted class's probability with respect to each\n"
                + "            pixel, beside the image; --png FILE draws it (red raises, blue lowers)\n"
                + "--out FILE  writes '" + HEADER + "' and one line per image of the unlabelled set (loaded\n"
                + "            with data load, e.g. Kaggle's test.csv), ImageId counting from 1 in file order.";
    }

    @Override
    public List<Completer> argumentCompleters() {
        return List.of(new StringsCompleter("--out", "--inside", "--saliency", "--png"), new Completers.FileNameCompleter());
    }

    @Override
    public void run(Args args, Context ctx) {
        String out = args.option("--out");
        boolean inside = args.flag("--inside");
        boolean saliency = args.flag("--saliency");
        String png = args.option("--png");
        String image = args.next();
        args.done();
        if ((out == null) == (image == null)) {
            throw args.error("which image? N, drawn:N, unlabelled:N, or --out FILE");
        }
        if ((inside || saliency || png != null) && image == null || inside && saliency) {
            throw args.error("--inside or --saliency (not both) look at one image N, not at --out");
        }
        if (png != null && !saliency) {
            throw args.error("--png FILE draws the saliency: give --saliency with it");
        }
        if (inside || saliency) {
            ImageRef ref = args.value(() -> ImageRef.parse(image, ctx.session()));
            probabilities(args, ctx, image);
            if (inside) {
                InsideView.inside(ctx.out(), ctx.session(), ref);
            } else {
                InsideView.saliency(ctx.out(), ctx.session(), ref, png);
            }
        } else if (image != null) {
            probabilities(args, ctx, image);
        } else {
            writeSubmission(args, ctx, Path.of(out));
        }
    }

    /** Image {@code word}'s ten probabilities as bars, its label and the prediction marked. */
    private static void probabilities(Args args, Context ctx, String word) {
        Session session = ctx.session();
        ImageRef ref = args.value(() -> ImageRef.parse(word, session));
        double[] p = ref.probabilities(session);
        int predicted = Evaluation.argmax(p);
        int label = ref.labelled() ? session.data().label(ref.index()) : -1;
        if (!ref.labelled()) {
            ctx.out().printf("%s (%s, no label): predicted %d%n", ref, ref.set(session), predicted);
        } else {
            ctx.out().printf("image %d (%s set), label %d: predicted %d, %s%n", ref.index(), ref.set(session),
                    label, predicted, predicted == label ? "right" : "WRONG");
        }
        String[] labels = new String[p.length];
        String[] marks = new String[p.length];
        for (int c = 0; c < p.length; c++) {
            labels[c] = "  " + c;
            marks[c] = (c == predicted ? "<- predicted" : "") + (c == label ? (c == predicted ? ", label" : "<- label") : "");
        }
        ctx.out().print(Bars.render(labels, p, marks, BAR_WIDTH));
    }

    private static void writeSubmission(Args args, Context ctx, Path file) {
        Session session = ctx.session();
        UnlabelledSet set = session.unlabelled();
        if (set == null) {
            throw args.error("no unlabelled set: load one first, e.g. data load test.csv");
        }
        if (set.features() != session.network().inputs()) {
            throw args.error("the unlabelled images have " + set.features() + " pixels but the network takes "
                    + session.network().inputs());
        }
        write(file, session.predictUnlabelled());
        ctx.out().println(Wrap.line(String.format("wrote %d predictions for %s to %s (%s)", set.size(),
                SafeText.escape(set.source()), SafeText.escape(file.toString()), HEADER), Wrap.COLUMNS, 2));
    }

    /** Kaggle's format: the header, then {@code ImageId,Label} with ImageId from 1. */
    static void write(Path file, int[] predictions) {
        try {
            AtomicFile.writeText(file, StandardCharsets.US_ASCII, w -> {
                w.write(HEADER);
                w.write('\n');
                for (int i = 0; i < predictions.length; i++) {
                    w.write((i + 1) + "," + predictions[i] + "\n");
                }
            });
        } catch (FileRefusal e) {
            throw new ShellError(e.getMessage());
        }
    }
}
