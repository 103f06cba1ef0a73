package mnistshell.commands;

import java.util.Arrays;
import java.util.List;
import mnistshell.nn.Activation;
import mnistshell.nn.Init;
import mnistshell.session.Session;
import mnistshell.shell.Args;
import mnistshell.shell.Command;
import mnistshell.shell.Context;
import org.jline.reader.Completer;
import org.jline.reader.impl.completer.StringsCompleter;

/** {@code init [SPEC] [--act A] [--slope S] [--init I] [--seed N]}: a fresh network. */
public final class InitCommand implements Command {

    @Override
    public String name() {
        return "init";
    }

    @Override
    public String usage() {
        return "init [SPEC] [--act A] [--slope S] [--init I] [--seed N]";
    }

    @Override
    public String summary() {
        return "a fresh network: layer sizes, activation, initialisation, seed";
    }

    @Override
    public String details() {
        return """
                SPEC     layer sizes from input to output, e.g. 784-64-32-10 (default 784-10-10, the seed's)
                --act    hidden activation: leaky-relu (default), relu, sigmoid, tanh
                --slope  Leaky ReLU's slope for negative inputs (default 0.01)
                --init   he (default), xavier, or uniform (the original notebook's rand - 0.5)
                --seed   seeds the weights and the mini-batch order (default %d)
                Settings (set) are kept; the update count and history start again.""".formatted(Session.DEFAULT_SEED);
    }

    @Override
    public List<Completer> argumentCompleters() {
        return List.of(new StringsCompleter("784-10-10", "784-64-32-10", "--act", "--slope", "--init", "--seed",
                "leaky-relu", "relu", "sigmoid", "tanh", "he", "xavier", "uniform"));
    }

    @Override
    public void run(Args args, Context ctx) {
        String act = args.option("--act");
        String slopeText = args.option("--slope");
        String initName = args.option("--init");
        long seed = args.longOption("--seed", Session.DEFAULT_SEED);
        String spec = args.next();
        args.done();
        Session session = ctx.session();
        int[] sizes = spec == null ? defaultSizes(session) : sizes(args, spec);
        double slope = slopeText == null ? 0.01 : slope(args, slopeText);
        if (slopeText != null && act != null && !act.equals("leaky-relu")) {
            throw args.error("--slope is Leaky ReLU's; it means nothing for " + act);
        }
        Activation hidden = Activation.named(act == null ? "leaky-relu" : act, slope);
        Init init = initName == null ? Init.HE : Init.named(initName);
        session.init(sizes, hidden, init, seed);
        ctx.out().println("network " + session.describeNetwork() + " (" + parameters(sizes) + " parameters)");
    }

    private static int[] defaultSizes(Session session) {
        int[] sizes = Session.SEED_ARCHITECTURE.clone();
        sizes[0] = session.data().features();
        return sizes;
    }

    private static int[] sizes(Args args, String spec) {
        try {
            int[] sizes = Arrays.stream(spec.split("-", -1)).mapToInt(Integer::parseInt).toArray();
            if (sizes.length >= 2 && Arrays.stream(sizes).allMatch(n -> n >= 1 && n <= 100_000)) {
                return sizes;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw args.error("SPEC must be layer sizes joined by '-', e.g. 784-64-32-10, found '" + spec + "'");
    }

    private static double slope(Args args, String text) {
        try {
            double s = Double.parseDouble(text);
            if (s >= 0 && s < 1) {
                return s;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw args.error("--slope must be a number in [0, 1), found '" + text + "'");
    }

    static long parameters(int[] sizes) {
        long n = 0;
        for (int l = 0; l + 1 < sizes.length; l++) {
            n += (long) sizes[l] * sizes[l + 1] + sizes[l + 1];
        }
        return n;
    }
}
