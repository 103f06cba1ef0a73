package mnistshell.commands;

import mnistshell.data.Dataset;
import mnistshell.nn.Evaluation;
import mnistshell.render.AsciiDigit;
import mnistshell.session.Session;
import mnistshell.shell.Args;
import mnistshell.shell.Command;
import mnistshell.shell.Context;
import mnistshell.shell.ShellError;

/** {@code show N}: image N as ASCII art, with its label, the prediction and its split. */
public final class ShowCommand implements Command {

    @Override
    public String name() {
        return "show";
    }

    @Override
    public String usage() {
        return "show N | show --wrong";
    }

    @Override
    public String summary() {
        return "image N (0-based, in file order) as ASCII art, with label and prediction";
    }

    @Override
    public String details() {
        return "--wrong  shows the first test image (in test-set order) that the network gets wrong.";
    }

    @Override
    public void run(Args args, Context ctx) {
        Session session = ctx.session();
        Dataset data = session.data();
        boolean wrong = args.flag("--wrong");
        String word = args.next();
        args.done();
        int index;
        if (wrong == (word != null)) {
            throw args.error("give either an image index, 0 to " + (data.size() - 1) + ", or --wrong");
        } else if (wrong) {
            index = firstWrongTestImage(session);
        } else {
            index = parseIndex(args, word, data.size());
        }
        double[] p = session.probabilities(index);
        int predicted = Evaluation.argmax(p);
        int label = data.label(index);
        ctx.out().printf("image %d of %d (%s set): label %d, predicted %d (%.1f%%) %s%n",
                index, data.size(), session.split().sideOf(index), label, predicted, 100 * p[predicted],
                predicted == label ? "right" : "WRONG");
        ctx.out().print(AsciiDigit.render(data, index));
    }

    private static int firstWrongTestImage(Session session) {
        int[] test = session.split().test();
        int[] predicted = session.evaluateTest().predictions();
        for (int i = 0; i < test.length; i++) {
            if (predicted[i] != session.data().label(test[i])) {
                return test[i];
            }
        }
        throw new ShellError("the network gets every test image right");
    }

    private static int parseIndex(Args args, String word, int size) {
        try {
            int index = Integer.parseInt(word);
            if (index >= 0 && index < size) {
                return index;
            }
        } catch (NumberFormatException e) {
            // refused below with the range
        }
        throw args.error("image index must be between 0 and " + (size - 1) + ", found '" + word + "'");
    }
}
