package mnistshell.commands;

import java.util.ArrayList;
import java.util.List;
import mnistshell.inspect.GradientHealth;
import mnistshell.inspect.TensorStats;
import mnistshell.nn.BiasGrad;
import mnistshell.nn.Gradients;
import mnistshell.nn.Tensor;
import mnistshell.render.Numbers;
import mnistshell.render.TensorTable;
import mnistshell.shell.Args;
import mnistshell.shell.Command;
import mnistshell.shell.Context;
import mnistshell.errors.ShellError;
import mnistshell.train.Training;
import mnistshell.train.UpdateSizes;
import mnistshell.shell.Completions;
import org.jline.reader.Completer;

/** {@code grads [NAME]}: the gradients of the last update, their size against the weights, and warnings. */
public final class GradsCommand extends Command {

    /** Why db2 reads 0 in seed mode: the seed notebook's {@code np.sum(dZ)/m}. */
    static final String SEED_NOTE = """
            note: bias-grad seed forms each bias gradient as np.sum(dZ)/m, one sum over
              every element. For the output layer dZ2 = softmax(Z2) - onehot(Y), and each
              column (one image) sums to 1 - 1 = 0, so db2 is 0 up to rounding, whatever
              the input: not a vanishing gradient but the wrong sum. set bias-grad exact
              sums over the images only (np.sum(dZ, axis=1)): one value per unit.
            """;

    public GradsCommand() {
        super("grads", "grads [NAME]", "gradients of the last update: statistics, update/weight ratio, warnings");
    }

    @Override
    public String details() {
        return """
                grads        a row per gradient tensor (dW1, db1, ...) as weights prints them, plus upd/w:
                             the size of the change the update made over the size of the weights
                             (around 1e-3 is healthy). Warnings for vanishing, exploding, non-finite,
                             and for layers whose weight gradients are over 100x apart,
                             each with what to try next.
                grads db2    the output biases' gradient, one value per class, and their sum.""";
    }

    @Override
    public List<Completer> argumentCompleters(Context ctx) {
        return List.of(Completions.words(() -> ctx.session().network().tensorNames().stream().map(n -> "d" + n).toList()));
    }

    @Override
    public void run(Args args, Context ctx) {
        String name = args.next();
        args.done();
        Training training = ctx.session().training();
        Gradients g = training.lastGradients();
        if (g == null) {
            throw new ShellError("no update yet: the gradients are those of the last update (try step)");
        }
        List<Tensor> grads = tensors(g);
        ctx.out().printf("gradients of update %d (bias-grad %s)%n", training.updates(), training.settings().biasGrad());
        if (name == null) {
            table(ctx, grads, training.recentSizes());
        } else {
            one(ctx, args, grads, name);
        }
        if (training.settings().biasGrad() == BiasGrad.SEED && (name == null || name.startsWith("db"))) {
            ctx.out().print(SEED_NOTE);
        }
    }

    /** dW1, db1, dW2, ... as tensors, in the order of the network's own. */
    static List<Tensor> tensors(Gradients g) {
        List<Tensor> out = new ArrayList<>();
        for (int l = 0; l < g.layers(); l++) {
            out.add(new Tensor("dW" + (l + 1), g.dW()[l], true));
            out.add(new Tensor("db" + (l + 1), g.db()[l], false));
        }
        return out;
    }

    private static void table(Context ctx, List<Tensor> grads, List<UpdateSizes> recent) {
        UpdateSizes last = recent.get(recent.size() - 1);
        List<String[]> ratio = new ArrayList<>();
        for (int k = 0; k < grads.size(); k++) {
            ratio.add(new String[] {last.weights()[k] == 0 ? "-" : Numbers.ratio(last.step()[k] / last.weights()[k])});
        }
        ctx.out().print(TensorTable.of("tensor", TensorStats.of(grads), new String[] {"upd/w"}, ratio).render());
        List<String> names = grads.stream().map(Tensor::name).toList();
        for (GradientHealth.Warning warning : GradientHealth.advised(names, recent)) {
            ctx.out().println("warning: " + warning.text());
            ctx.out().println("  " + warning.advice());
        }
    }

    private static void one(Context ctx, Args args, List<Tensor> grads, String name) {
        Tensor t = grads.stream().filter(x -> x.name().equalsIgnoreCase(name)).findFirst().orElseThrow(
                () -> args.error("no gradient '" + name + "': this network has "
                        + String.join(", ", grads.stream().map(Tensor::name).toList())));
        boolean output = t.name().equals(grads.get(grads.size() - 1).name());
        if (!output) {
            ctx.out().print(TensorTable.values(t.name(), t.values()));
            return;
        }
        ctx.out().printf("%s, one value per class:%n", t.name());
        double sum = 0;
        for (int c = 0; c < t.rows(); c++) {
            ctx.out().printf("  class %d  %11.4e%n", c, t.values()[c][0]);
            sum += t.values()[c][0];
        }
        ctx.out().printf("  sum      %11.4e  (0 up to rounding: softmax - one-hot sums to 0)%n", sum);
    }
}
