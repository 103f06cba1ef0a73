package mnistshell.commands;

import java.io.PrintStream;
import java.util.List;
import mnistshell.inspect.LayerActivity;
import mnistshell.nn.Activation;
import mnistshell.nn.layer.Sequential;
import mnistshell.render.Bars;
import mnistshell.render.Numbers;
import mnistshell.session.Session;
import mnistshell.shell.Args;
import mnistshell.shell.Command;
import mnistshell.shell.Context;
import mnistshell.errors.ShellError;

/** {@code activations}: how alive each hidden layer is over the training set. */
public final class ActivationsCommand extends Command {

    /** Layers up to this wide get a bar per unit; wider ones only the summary lines. */
    static final int BARS_UP_TO = 16;
    static final int BAR_WIDTH = 40;

    public ActivationsCommand() {
        super("activations", "activations", "per hidden layer over the training images: active share, dead and saturated units");
    }

    @Override
    public String details() {
        return """
                active     its output is above zero (ReLU types) or above its midpoint
                           (sigmoid, tanh) on an image
                dead       ReLU and Leaky ReLU only: negative on every training image.
                           A ReLU unit then outputs 0 and passes no gradient back, so it
                           never learns again; a Leaky ReLU unit passes only its slope.
                saturated  sigmoid and tanh only: its slope is under 5% of its largest on
                           over 90% of the images. It is not dead: the share of the
                           gradient that still flows through it is printed, and it can
                           recover. Sigmoid and tanh units are never called dead.
                dead filter  a conv layer's filter at or below 0 at every position of
                           every training image (after its activation).""";
    }

    @Override
    public void run(Args args, Context ctx) {
        args.done();
        Session session = ctx.session();
        if (session.network().isLayered()) { // the filters of each conv layer, then the dense layers' units
            Sequential net = session.network().sequential();
            int[] train = session.trainImages("activations", 1);
            for (LayerActivity layer : ConvInspection.activations(ctx.out(), session.network(), session.data(), train,
                    session.training().engine())) {
                print(ctx.out(), layer, ConvInspection.denseActivation(net, layer.layer()));
            }
            return;
        }
        if (session.network().layers() < 2) {
            throw new ShellError("this network has no hidden layer");
        }
        int[] train = session.trainImages("activations", 1);
        Activation act = session.network().hidden();
        for (LayerActivity layer : mnistshell.inspect.LayeredActivity.of(session.network(), session.data(), train,
                session.training().engine()).units()) {
            print(ctx.out(), layer, act);
        }
    }

    static void print(PrintStream out, LayerActivity layer, Activation act) {
        out.printf("layer %d: %d units, %s, over %d training images%n", layer.layer(), layer.units(), act,
                layer.images());
        out.printf("  active on more than half the images: %d of %d units%n", layer.mostlyActive(), layer.units());
        out.printf("  mean share of units active per image: %s%n", Numbers.percent(layer.meanActivePerImage()));
        boolean saturates = LayerActivity.saturates(act);
        if (saturates) {
            List<Integer> saturated = layer.saturatedUnits();
            out.printf("  saturated (on over 90%% of the images): %s%n", units(saturated));
            if (!saturated.isEmpty()) {
                out.printf("    %s of the gradient still flows through them%n",
                        Numbers.percent(layer.gradientShare(saturated)));
            }
        } else if (act instanceof Activation.LeakyRelu leaky) {
            String dead = "  dead (negative on every image, passing back only the slope " + leaky.slope() + "): ";
            out.println(dead + units(layer.dead(), 80 - dead.length()));
        } else {
            out.printf("  dead (0 on every image, passing back no gradient): %s%n", units(layer.dead(), 80 - 54));
        }
        if (layer.units() <= BARS_UP_TO) {
            out.println("  share of the images each unit is active on:");
            String[] labels = new String[layer.units()];
            double[] shares = new double[layer.units()];
            String[] marks = new String[layer.units()];
            for (int u = 0; u < layer.units(); u++) {
                labels[u] = "  unit " + u;
                shares[u] = layer.activeShare(u);
                marks[u] = saturates ? (layer.saturatedUnits().contains(u) ? "saturated" : "")
                        : layer.active()[u] == 0 ? "dead" : "";
            }
            out.print(Bars.render(labels, shares, marks, BAR_WIDTH));
        }
    }

    /** "none", "1 unit: 7" or "3 units: 1, 4, 9" (as many as fit 80 columns after the label). */
    static String units(List<Integer> ids) {
        return units(ids, 80 - 42);
    }

    /** {@link #units(List)} in at most {@code width} characters (the count always shows). */
    static String units(List<Integer> ids, int width) {
        if (ids.isEmpty()) {
            return "none";
        }
        StringBuilder out = new StringBuilder(ids.size() + (ids.size() == 1 ? " unit: " : " units: "));
        for (int i = 0; i < ids.size(); i++) {
            String next = (i == 0 ? "" : ", ") + ids.get(i);
            if (i + 1 < ids.size() && out.length() + next.length() + 5 > width) {
                if (i == 0 && out.length() + 3 > width) { // not even "...": the count alone
                    return ids.size() + " units";
                }
                return out.append(i == 0 ? "..." : ", ...").toString();
            }
            out.append(next);
        }
        return out.toString();
    }
}
