package mnistshell.commands;

import java.util.List;
import java.util.function.UnaryOperator;
import mnistshell.inspect.GradCheck;
import mnistshell.nn.BiasGrad;
import mnistshell.nn.Batch;
import mnistshell.nn.Engine;
import mnistshell.nn.Gradients;
import mnistshell.nn.Network;
import mnistshell.nn.layer.Pass;
import mnistshell.render.Numbers;
import mnistshell.render.Table;
import mnistshell.render.Wrap;
import mnistshell.session.Session;
import mnistshell.shell.Args;
import mnistshell.shell.Command;
import mnistshell.shell.Context;

/** {@code gradcheck [--samples N]}: the backward pass against centred finite differences, on a few training images. */
public final class GradcheckCommand extends Command {

    static final int DEFAULT_SAMPLES = 5;
    /** Each sample costs two forward passes per checked entry: more would take minutes. */
    static final int MAX_SAMPLES = 100;

    /** Applied to the backward pass's gradients before they are checked: the identity, except in tests. */
    private final UnaryOperator<Gradients> tamper;

    public GradcheckCommand() {
        this(UnaryOperator.identity());
    }

    /** A check of gradients changed by {@code tamper}: the test seam that shows a wrong gradient fails. */
    GradcheckCommand(UnaryOperator<Gradients> tamper) {
        super("gradcheck", "gradcheck [--samples N]", "check the backward pass against finite differences of the loss: PASS or FAIL");
        this.tamper = tamper;
    }

    @Override
    public String details() {
        return """
                On the first N training images (N at most 100; default 5, or all when fewer),
                each gradient of the current network's backward pass, in the bias-grad mode
                set, is compared with (L(w+h) - L(w-h)) / 2h. Small tensors are checked whole,
                large ones on 40 entries. The network is not changed. For a conv network it
                checks the engine's (set engine) gradients, dropout off. Its biases may FAIL
                with (leaky) ReLU: blank image areas put outputs exactly at the bias, and a
                bias near 0 has its differences straddle the kink; --act tanh shows the rest. In bias-grad seed mode
                the bias gradients FAIL: they are not the loss's gradient.""";
    }

    /** Why a conv network's bias may FAIL with a piecewise-linear activation, and how to tell. */
    static final String KINK_NOTE = """
            note: over blank parts of an image a convolution's outputs are exactly its bias;
              while a bias is within h of 0 its differences straddle the activation's kink
              at 0, which the analytic gradient does not see (check with --act tanh)
            """;

    private static boolean kinked(mnistshell.nn.Activation act) {
        return act.name().equals("relu") || act.name().equals("leaky-relu");
    }

    private static boolean onlyBiasesFailed(List<GradCheck.Result> results) {
        return results.stream().allMatch(r -> r.passed() || r.tensor().startsWith("db"));
    }

    @Override
    public void run(Args args, Context ctx) {
        Session s = ctx.session();
        boolean given = args.has("--samples");
        int samples = args.intOption("--samples", DEFAULT_SAMPLES, 1, MAX_SAMPLES);
        args.done();
        // the default shrinks to a smaller training set; a number asked for is held to
        int[] train = s.trainImages("gradcheck" + (given ? " --samples " + samples : ""), given ? samples : 1);
        samples = Math.min(samples, train.length);
        BiasGrad mode = s.training().settings().biasGrad();
        Batch batch = Batch.of(s.data(), train, 0, samples);
        List<GradCheck.Result> results;
        String what;
        if (s.network().isLayered()) { // the engine's gradients, dropout off, against its layers' own loss
            int[] images = java.util.Arrays.copyOf(train, samples);
            Engine engine = s.training().engine();
            results = GradCheck.run(s.network(), net -> tamper.apply(engine.gradients(net, s.data(), images, mode)),
                    net -> Network.loss(net.sequential().logits(batch.x(), Pass.evaluation()), batch.labels()));
            what = engine.name() + " engine's gradients, dropout off";
        } else {
            results = GradCheck.run(s.network(), batch.x(), batch.labels(),
                    net -> tamper.apply(net.backward(net.forward(batch.x()), batch.labels(), mode)));
            what = "backward pass";
        }
        ctx.out().println(Wrap.line(String.format("%s (bias-grad %s) against centred differences, h = 1e-4,"
                + " %d image%s", what, mode, samples, samples == 1 ? "" : "s"), Wrap.COLUMNS, 2));
        Table table = new Table("tensor", "checked", "worst rel. error", "at", "analytic", "numeric", "");
        boolean all = true;
        for (GradCheck.Result r : results) {
            table.row(r.tensor(), Integer.toString(r.checked()), String.format("%.2e", r.worst()),
                    "[" + r.row() + ", " + r.col() + "]", Numbers.brief(r.analytic()), Numbers.brief(r.numeric()),
                    r.passed() ? "ok" : "FAIL");
            all &= r.passed();
        }
        ctx.out().print(table.render());
        ctx.out().printf(all ? "PASS: every relative error is below %.0e%n"
                : "FAIL: a relative error is at or above %.0e%n", GradCheck.TOLERANCE);
        if (!all && s.network().isLayered() && kinked(s.network().hidden()) && onlyBiasesFailed(results)) {
            ctx.out().print(KINK_NOTE);
        }
    }
}
