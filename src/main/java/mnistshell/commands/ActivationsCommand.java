package mnistshell.commands;

import java.io.PrintStream;
import java.util.List;
import mnistshell.inspect.LayerActivity;
import mnistshell.nn.Activation;
import mnistshell.render.Bars;
import mnistshell.render.Numbers;
import mnistshell.session.Session;
import mnistshell.shell.Args;
import mnistshell.shell.Command;
import mnistshell.shell.Context;
import mnistshell.errors.ShellError;

/** {@code activations}: how alive each hidden layer is over the training set. */
public final class ActivationsCommand implements Command {

    /** Layers up to this wide get a bar per unit; wider ones only the summary lines. */
    static final int BARS_UP_TO = 16;
    static final int BAR_WIDTH = 40;

    @Override
    public String name() {
        return "activations";
    }

    @Override
    public String usage() {
        return "activations";
    }

    @Override
    public String summary() {
        return "per hidden layer over the training images: active share, dead and saturated units";
    }

    @Override
    public String details() {
        return """
                A unit is active on an image when its output is above zero (ReLU types) or above its
                midpoint (sigmoid, tanh); dead when it is active on no training image, so no gradient
                reaches its input weights; saturated (sigmoid, tanh) when its slope is under 5% of its
                largest on over 90% of the images.""";
    }

    @Override
    public void run(Args args, Context ctx) {
        args.done();
        Session session = ctx.session();
        if (session.network().layers() < 2) {
            throw new ShellError("this network has no hidden layer");
        }
        int[] train = session.trainImages("activations", 1);
        Activation act = session.network().hidden();
        for (LayerActivity layer : LayerActivity.of(session.network(), session.data(), train)) {
            print(ctx.out(), layer, act);
        }
    }

    static void print(PrintStream out, LayerActivity layer, Activation act) {
        out.printf("layer %d: %d units, %s, over %d training images%n", layer.layer(), layer.units(), act,
                layer.images());
        out.printf("  active on more than half the images: %d of %d units%n", layer.mostlyActive(), layer.units());
        out.printf("  mean share of units active per image: %s%n", Numbers.percent(layer.meanActivePerImage()));
        out.printf("  dead (never active): %s%n", units(layer.dead()));
        if (LayerActivity.saturates(act)) {
            out.printf("  saturated (on over 90%% of the images): %s%n", units(layer.saturatedUnits()));
        }
        if (layer.units() <= BARS_UP_TO) {
            out.println("  share of the images each unit is active on:");
            String[] labels = new String[layer.units()];
            double[] shares = new double[layer.units()];
            String[] marks = new String[layer.units()];
            for (int u = 0; u < layer.units(); u++) {
                labels[u] = "  unit " + u;
                shares[u] = layer.activeShare(u);
                marks[u] = layer.active()[u] == 0 ? "dead" : "";
            }
            out.print(Bars.render(labels, shares, marks, BAR_WIDTH));
        }
    }

    /** "none", "1 unit: 7" or "3 units: 1, 4, 9" (the first 20). */
    static String units(List<Integer> ids) {
        if (ids.isEmpty()) {
            return "none";
        }
        List<String> shown = ids.stream().limit(20).map(String::valueOf).toList();
        return ids.size() + (ids.size() == 1 ? " unit: " : " units: ") + String.join(", ", shown)
                + (ids.size() > 20 ? ", ..." : "");
    }
}
