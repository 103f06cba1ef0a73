package mnistshell.commands;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import mnistshell.data.UnlabelledSet;
import mnistshell.panel.DigitPanel;
import mnistshell.render.AsciiDigit;
import mnistshell.render.DigitFacts;
import mnistshell.render.ProbabilityBars;
import mnistshell.session.ImageRef;
import mnistshell.session.Session;
import mnistshell.shell.Args;
import mnistshell.shell.Command;
import mnistshell.shell.Context;
import mnistshell.errors.ShellError;
import mnistshell.errors.Values;
import mnistshell.shell.Completions;
import org.jline.reader.Completer;

/**
 * {@code show N}: image N with its label, the prediction and its split. At the prompt of a real
 * terminal it opens the digit viewer panel; elsewhere it prints the same art and facts.
 */
public final class ShowCommand extends Command {

    static final int BAR_WIDTH = 20;

    public ShowCommand() {
        super("show", "show N|drawn:N|unlabelled:N|--wrong", "show image N (0-based, file order) as ASCII art, with what the network predicts");
    }

    @Override
    public String details() {
        return "drawn:N  shows image N of those kept with Enter on the draw pad (unlabelled).\n"
                + "unlabelled:N  shows image N of the unlabelled set (a CSV without labels, e.g. Kaggle's test.csv).\n"
                + "--wrong  shows the first test image (in test-set order) that the network gets wrong.\n"
                + "At the prompt it opens a full-screen viewer: <-/-> previous/next image, w/W next/previous\n"
                + "misclassified image, t switches train/test (and drawn, unlabelled), g jumps to a typed index, q or Esc\n"
                + "goes back. Elsewhere (files, pipes, -c) it prints the digit, its facts and the probabilities.";
    }

    @Override
    public List<Completer> argumentCompleters(Context ctx) {
        return List.of((reader, line, candidates) -> {
            candidates.add(Completions.partial("--wrong"));
            if (ctx.session().drawn().size() > 0) {
                candidates.add(Completions.partial(ImageRef.DRAWN_PREFIX));
            }
            if (ctx.session().unlabelled() != null) {
                candidates.add(Completions.partial(ImageRef.UNLABELLED_PREFIX));
            }
        });
    }

    @Override
    public void run(Args args, Context ctx) {
        Session session = ctx.session();
        boolean wrong = args.flag("--wrong");
        String word = args.next();
        args.done();
        if (wrong == (word != null)) {
            throw args.error("give either an image index, 0 to " + (session.data().size() - 1)
                    + ", drawn:N, unlabelled:N, or --wrong");
        }
        ImageRef ref = wrong ? ImageRef.data(firstWrongTestImage(session)) : parse(args, word, session);
        if (ctx.screens() == null) {
            print(ctx.out(), session, ref);
            return;
        }
        try {
            DigitPanel.open(ctx.screens(), session, ref);
        } catch (IOException e) {
            throw new ShellError("could not open the viewer: " + e.getMessage(), e);
        }
    }

    /** The text the viewer shows, for standard output: facts, the digit, the probabilities. */
    static void print(PrintStream out, Session session, ImageRef ref) {
        DigitFacts facts = ref.facts(session);
        out.println(facts.header());
        for (String line : AsciiDigit.lines(ref.grey(session), session.data().rows(), session.data().cols())) {
            out.println(line);
        }
        for (String line : ProbabilityBars.lines(facts.probabilities(), BAR_WIDTH)) {
            out.println(line);
        }
    }

    private static int firstWrongTestImage(Session session) {
        int[] test = session.testImages("show --wrong");
        int[] predicted = session.evaluateTest().predictions();
        for (int i = 0; i < test.length; i++) {
            if (predicted[i] != session.data().label(test[i])) {
                return test[i];
            }
        }
        throw new ShellError("the network gets every test image right");
    }

    /** {@code N}, {@code drawn:N} or {@code unlabelled:N} as an image of the session, refused with the valid range. */
    static ImageRef parse(Args args, String word, Session session) {
        if (word.startsWith(ImageRef.UNLABELLED_PREFIX)) {
            UnlabelledSet set = session.unlabelled();
            if (set == null || set.size() == 0) {
                throw args.valueError("no unlabelled images: load some first, e.g. data load test.csv");
            }
            if (set.features() != session.data().features()) {
                throw args.valueError("the unlabelled images have " + set.features() + " pixels but the loaded data's have "
                        + session.data().features());
            }
            return ImageRef.unlabelled(index(args, ImageRef.UNLABELLED_PREFIX + "N", word, ImageRef.UNLABELLED_PREFIX,
                    set.size()));
        }
        if (word.startsWith(ImageRef.DRAWN_PREFIX)) {
            int kept = session.drawn().size();
            if (kept == 0) {
                throw args.valueError("no drawn images yet: draw one with 'draw' and keep it with Enter");
            }
            return ImageRef.drawn(index(args, ImageRef.DRAWN_PREFIX + "N", word, ImageRef.DRAWN_PREFIX, kept));
        }
        return ImageRef.data(index(args, "image N", word, "", session.data().size()));
    }

    /** The number after {@code prefix} in {@code word}, from 0 to {@code size - 1}. */
    private static int index(Args args, String what, String word, String prefix, int size) {
        try {
            return Values.intIn(what, word.substring(prefix.length()), 0, size - 1);
        } catch (ShellError e) {
            throw args.valueError(what + " must be an integer from 0 to " + (size - 1) + ", found "
                    + Values.shown(word));
        }
    }
}
