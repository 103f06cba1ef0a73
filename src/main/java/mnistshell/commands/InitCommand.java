package mnistshell.commands;

import java.util.Arrays;
import java.util.List;
import mnistshell.data.Dataset;
import mnistshell.nn.Activation;
import mnistshell.nn.Init;
import mnistshell.nn.layer.LayerSpec;
import mnistshell.nn.layer.LayerTable;
import mnistshell.nn.layer.Sequential;
import mnistshell.nn.layer.Shape;
import mnistshell.session.Session;
import mnistshell.render.Wrap;
import mnistshell.shell.Args;
import mnistshell.shell.Command;
import mnistshell.shell.Context;
import mnistshell.errors.ShellError;
import mnistshell.errors.Values;
import java.util.Map;
import mnistshell.shell.Completions;
import org.jline.reader.Completer;

/** {@code init [SPEC] [--act A] [--slope S] [--init I] [--seed N]}: a fresh network. */
public final class InitCommand extends Command {

    /** The widest layer SPEC may ask for. */
    static final int MAX_UNITS = 100_000;

    public InitCommand() {
        super("init", "init [SPEC] [--act A] [--slope S] [--init I] [--seed N]", "a fresh network: layer sizes, activation, initialisation, seed");
    }

    @Override
    public String details() {
        return """
                SPEC     layer sizes from input to output, e.g. 784-64-32-10
                         (default 784-10-10, the seed's); or layers joined by '-',
                         the input implied by the data (1x28x28):
                           64           a dense layer of 64 units (the last: 10, the output)
                           conv8k5      8 filters of 5x5, stride 1, valid padding
                           conv8k5same  the same, same padding (28x28 stays 28x28)
                           pool2        2x2 max pooling, stride 2
                           drop0.25     dropout at rate 0.25, in training only
                         e.g. conv8k5-pool2-conv16k5-pool2-64-10 ('weights' shows them):
                --act    hidden activation: leaky-relu (default), relu, sigmoid, tanh
                --slope  Leaky ReLU's slope for negative inputs (default 0.01)
                --init   he (default), xavier, or uniform (the original notebook's rand - 0.5)
                --seed   seeds the weights and the mini-batch order (default %d)
                Settings (set) are kept; the update count and history start again.""".formatted(Session.DEFAULT_SEED)
                .replace("('weights' shows them):\n", "('weights' shows them):\n" + indented(EXAMPLE));
    }

    @Override
    public List<Completer> argumentCompleters() {
        Completer inits = Completions.words(Arrays.stream(Init.values()).map(Init::label).toArray(String[]::new));
        return List.of(Completions.afterOption(Map.of("--act", Completions.words(Activation.NAMES), "--init", inits,
                "--slope", Completions.words(), "--seed", Completions.words()),
                Completions.words("784-10-10", "784-64-32-10", EXAMPLE, "--act", "--slope", "--init", "--seed")));
    }

    /** The spec {@code help init} shows the layers of. */
    static final String EXAMPLE = "conv8k5-pool2-conv16k5-pool2-64-10";

    private static String indented(String spec) {
        Sequential net = LayerSpec.parse(spec, Shape.image(28, 28), Dataset.CLASSES, Activation.LeakyRelu.SEED);
        return LayerTable.of(net).lines().map(l -> "  " + l + "\n").collect(java.util.stream.Collectors.joining());
    }

    /** Whether SPEC has a conv, pool or drop item: a layered network's (else sizes, as ever). */
    static boolean isLayered(String spec) {
        return spec != null && Arrays.stream(spec.split("-", -1))
                .anyMatch(i -> i.startsWith("conv") || i.startsWith("pool") || i.startsWith("drop"));
    }

    @Override
    public void run(Args args, Context ctx) {
        String act = args.option("--act");
        boolean slopeGiven = args.has("--slope");
        double slope = args.numberOption("--slope", 0.01, Values.Range.fromUpTo(0, 1));
        String initName = args.option("--init");
        long seed = args.longOption("--seed", Session.DEFAULT_SEED, Long.MIN_VALUE, Long.MAX_VALUE);
        String spec = args.next();
        args.done();
        Session session = ctx.session();
        boolean layered = isLayered(spec);
        int[] sizes = layered ? null : spec == null ? defaultSizes(session) : sizes(args, spec);
        if (slopeGiven && act != null && !act.equals("leaky-relu")) {
            throw args.valueError("--slope is Leaky ReLU's; it means nothing for " + act);
        }
        Activation hidden = Activation.named(act == null ? "leaky-relu" : act, slope);
        Init init = initName == null ? Init.HE : Init.named(initName);
        long count;
        if (layered) {
            Sequential net;
            try {
                net = LayerSpec.parse(spec, Shape.image(session.data().rows(), session.data().cols()), Dataset.CLASSES,
                        hidden);
            } catch (ShellError e) {
                throw args.valueError(e.getMessage());
            }
            session.init(net, hidden, init, seed);
            count = net.parameterCount();
        } else {
            session.init(sizes, hidden, init, seed);
            count = parameters(sizes);
        }
        ctx.out().println(Wrap.line("network " + session.describeNetwork() + " (" + count + " parameters)",
                Wrap.COLUMNS, 2));
    }

    private static int[] defaultSizes(Session session) {
        int[] sizes = Session.SEED_ARCHITECTURE.clone();
        sizes[0] = session.data().features();
        return sizes;
    }

    /** Layer sizes joined by '-', each from 1 to {@value #MAX_UNITS}. */
    private static int[] sizes(Args args, String spec) {
        String[] parts = spec.split("-", -1);
        if (parts.length < 2) {
            throw args.valueError("SPEC must be layer sizes joined by '-', e.g. 784-64-32-10, found "
                    + Values.shown(spec));
        }
        int[] sizes = new int[parts.length];
        for (int l = 0; l < parts.length; l++) {
            try {
                sizes[l] = Values.intIn("layer " + (l + 1) + " of SPEC", parts[l], 1, MAX_UNITS);
            } catch (ShellError e) {
                throw args.valueError(e.getMessage());
            }
        }
        return sizes;
    }

    static long parameters(int[] sizes) {
        long n = 0;
        for (int l = 0; l + 1 < sizes.length; l++) {
            n += (long) sizes[l] * sizes[l + 1] + sizes[l + 1];
        }
        return n;
    }
}
