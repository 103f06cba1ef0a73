package mnistshell.commands;

import java.util.ArrayList;
import java.util.List;
import mnistshell.data.Dataset;
import mnistshell.inspect.TensorStats;
import mnistshell.nn.Network;
import mnistshell.nn.Tensor;
import mnistshell.nn.layer.LayerTable;
import mnistshell.render.Numbers;
import mnistshell.render.SafeText;
import mnistshell.render.TensorTable;
import mnistshell.render.UnitPicture;
import mnistshell.render.WeightGridImage;
import mnistshell.shell.Args;
import mnistshell.shell.Command;
import mnistshell.shell.Context;
import mnistshell.errors.Values;
import mnistshell.errors.ShellError;
import java.util.Map;
import mnistshell.shell.Completions;
import org.jline.reader.Completer;

/** {@code weights [NAME] [--neuron K] [--png FILE]}: the parameters, summarised, listed or pictured. */
public final class WeightsCommand extends Command {

    /** Pixels per weight in the PNG grid, and units per row of it. */
    static final int ZOOM = 4;
    static final int ACROSS = 8;

    public WeightsCommand() {
        super("weights", "weights [NAME] [--neuron K] [--png FILE]", "statistics of every tensor, or one tensor's values, or a unit's weights as a picture");
    }

    @Override
    public String details() {
        return """
                weights            a row per tensor (W1, b1, W2, ...): shape, mean, std, min, max, L2 norm, zeros;
                                   for a conv network first a row per layer: kind, shapes, parameters
                weights b1         the tensor's values (a large one summarised a row per unit)
                weights W1 --neuron 3   hidden unit 3's 784 input weights as the 28x28 picture it looks for:
                                   positive (ink there excites it) and negative (inhibits) drawn apart
                weights --png FILE every first-layer unit as a grid of pictures (red +, blue -);
                weights W2 --png FILE   in a conv network: a convolution's filters, a row
                                   per filter, a column per input channel""";
    }

    @Override
    public List<Completer> argumentCompleters(Context ctx) {
        Completer names = Completions.words(() -> ctx.session().network().tensorNames());
        return List.of(Completions.afterOption(Map.of("--png", Completions.paths(".png"), "--neuron", Completions.words()),
                Completions.all(names, Completions.words("--neuron", "--png"))));
    }

    @Override
    public void run(Args args, Context ctx) {
        String png = args.option("--png");
        String neuron = args.option("--neuron");
        String name = args.next();
        args.done();
        Network net = ctx.session().network();
        if (neuron != null && net.isLayered()) {
            throw args.error("--neuron draws dense first-layer units: not yet for conv networks");
        }
        if (png != null && net.isLayered()) { // a convolution's filters, W1 unless named
            ConvInspection.filtersPng(ctx.out(), net.sequential(), weightsNumber(args, name), png);
        } else if (png != null) {
            writePng(args, ctx, name, png);
        } else if (neuron != null) {
            picture(args, ctx, name == null ? "W1" : name, neuron);
        } else if (name == null) {
            if (net.isLayered()) { // every layer with its shapes, which tensors are whose, then the tensors
                ctx.out().print(LayerTable.of(net.sequential()));
                ctx.out().println(mnistshell.render.Wrap.line(owners(net.sequential()), mnistshell.render.Wrap.COLUMNS, 2));
                ctx.out().println();
            }
            ctx.out().print(TensorTable.of("tensor", TensorStats.of(net.tensors())).render());
        } else {
            Tensor t = tensor(args, net, name);
            ctx.out().print(TensorTable.values(t.name(), t.values()));
        }
    }

    /** "W1 b1: layer 1 (conv8k5); W2 b2: layer 3 (conv16k5); ...": the layer each tensor belongs to. */
    static String owners(mnistshell.nn.layer.Sequential layers) {
        List<String> parts = new ArrayList<>();
        int number = 0;
        for (int l = 0; l < layers.layers().size(); l++) {
            mnistshell.nn.layer.Layer layer = layers.layers().get(l);
            if (layer.parameterCount() > 0) {
                number++;
                parts.add("W" + number + " b" + number + ": layer " + (l + 1) + " (" + layer.token() + ")");
            }
        }
        return String.join("; ", parts);
    }

    private static Tensor tensor(Args args, Network net, String name) {
        List<String> names = new ArrayList<>();
        for (Tensor t : net.tensors()) {
            if (t.name().equalsIgnoreCase(name)) {
                return t;
            }
            names.add(t.name());
        }
        throw args.error("no tensor '" + name + "': this network has " + String.join(", ", names));
    }

    private static void picture(Args args, Context ctx, String name, String neuron) {
        Network net = ctx.session().network();
        Dataset data = ctx.session().data();
        Tensor t = tensor(args, net, name);
        if (!t.name().equals("W1")) {
            throw args.error("--neuron pictures a first-layer unit: only W1's inputs are pixels");
        }
        int k = parseUnit(args, neuron, t.rows());
        double[] w = t.values()[k];
        ctx.out().printf("W1 unit %d: its %d input weights laid out as the %dx%d image; bias %s%n",
                k, w.length, data.rows(), data.cols(), Numbers.brief(net.biases(0).get(k, 0)));
        ctx.out().print(UnitPicture.render(w, data.rows(), data.cols(), 1, ctx.interactive()));
        ctx.out().println(UnitPicture.legend(w));
    }

    /** {@code W2} as 2; no name is W1. */
    private static int weightsNumber(Args args, String name) {
        if (name == null) {
            return 1;
        }
        if (!name.matches("[Ww][1-9][0-9]{0,3}")) {
            throw args.error("--png draws a convolution's filters: give its weights, W1, W2, ..., found "
                    + Values.shown(name));
        }
        return Integer.parseInt(name.substring(1));
    }

    private static int parseUnit(Args args, String word, int units) {
        try {
            return Values.intIn("--neuron", word, 0, units - 1);
        } catch (ShellError e) {
            throw args.valueError("--neuron must be a unit of W1, from 0 to " + (units - 1) + ", found "
                    + Values.shown(word));
        }
    }

    private static void writePng(Args args, Context ctx, String name, String file) {
        if (name != null && !name.equalsIgnoreCase("W1")) {
            throw args.error("--png draws the first layer's units: give W1 or no name");
        }
        Dataset data = ctx.session().data();
        double[][] w1 = ctx.session().network().tensors().get(0).values();
        java.awt.image.BufferedImage img = WeightGridImage.withColourScale(w1, data.rows(), data.cols(), ZOOM, ACROSS);
        PngFile.write(img, file);
        ctx.out().printf("wrote %s (%dx%d PNG): %d units of W1, red positive, blue negative%n",
                SafeText.escape(file), img.getWidth(), img.getHeight(), w1.length);
    }
}
