package mnistshell.commands;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
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
        ImageRef ref = wrong ? ImageRef.data(firstWrongTestImage(session)) : args.value(() -> ImageRef.parse(word, session));
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
}
