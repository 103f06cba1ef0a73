package mnistshell.commands;

import java.util.List;
import java.util.function.UnaryOperator;
import mnistshell.inspect.GradCheck;
import mnistshell.nn.BiasGrad;
import mnistshell.nn.Batch;
import mnistshell.nn.Gradients;
import mnistshell.render.Numbers;
import mnistshell.render.Table;
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
                large ones on 40 entries. The network is not changed. In bias-grad seed mode
                the bias gradients FAIL: they are not the loss's gradient.""";
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
        List<GradCheck.Result> results = GradCheck.run(s.network(), batch.x(), batch.labels(),
                (net, pass, labels) -> tamper.apply(net.backward(pass, labels, mode)));
        ctx.out().printf("backward pass (bias-grad %s) against centred differences, h = 1e-4,"
                + " %d image%s%n", mode, samples, samples == 1 ? "" : "s");
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
    }
}
