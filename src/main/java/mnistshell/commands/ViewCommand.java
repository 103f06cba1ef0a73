package mnistshell.commands;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import mnistshell.panel.WeightGallery;
import mnistshell.render.Thumbnails;
import mnistshell.render.WeightImage;
import mnistshell.nn.layer.LayerSpec;
import mnistshell.nn.layer.Sequential;
import mnistshell.session.LayerUnits;
import mnistshell.session.Session;
import mnistshell.shell.Args;
import mnistshell.shell.Command;
import mnistshell.shell.Context;
import mnistshell.errors.ShellError;
import org.jline.reader.Completer;
import org.jline.reader.impl.completer.StringsCompleter;

/**
 * {@code view weights [LAYER]}: each unit of a layer as a small picture of its incoming weights. At
 * the prompt of a real terminal it opens the gallery panel; elsewhere it prints the gallery.
 */
public final class ViewCommand extends Command {

    /** Width of the printed gallery: an ordinary terminal's. */
    static final int TEXT_COLUMNS = 80;

    public ViewCommand() {
        super("view", "view weights [LAYER [F]]", "a layer's units, or a conv layer's filters, as pictures of their weights");
    }

    @Override
    public String details() {
        return "LAYER is 1 for W1 (input to first hidden layer, each unit a 14x14 thumbnail of its 784\n"
                + "weights), 2 for W2, and so on. Positive weights are drawn . + * #, negative , - = %.\n"
                + "At the prompt it opens a gallery: arrows select a unit, PgUp/PgDn page, Enter shows the\n"
                + "unit large with its outgoing weights to the next layer, q goes back. Elsewhere it prints\n"
                + "the gallery.\n"
                + "In a conv network LAYER is a convolution's weights (1 for W1): its filters are\n"
                + "printed, each the mean of its input channels; F shows filter F on each channel.";
    }

    @Override
    public List<Completer> argumentCompleters() {
        return List.of(new StringsCompleter("weights"));
    }

    @Override
    public void run(Args args, Context ctx) {
        String what = args.next();
        if (!"weights".equals(what)) {
            throw args.error("what to view: only 'weights' for now");
        }
        Session session = ctx.session();
        if (session.network().isLayered()) { // a conv net's filters, printed even at the prompt
            Sequential net = session.network().sequential();
            int weights = args.nextInt("LAYER", 1, 1, net.params().size() / 2);
            int filter = args.nextInt("F", -1, 0, LayerSpec.MAX_FILTERS - 1);
            args.done();
            ConvInspection.filters(ctx.out(), net, weights, filter < 0 ? null : filter);
            return;
        }
        int layers = session.network().layers();
        int layer = args.nextInt("LAYER", 1, 1, layers);
        args.done();
        LayerUnits units = LayerUnits.of(session.network(), layer, session.data().rows(), session.data().cols());
        if (ctx.screens() == null) {
            print(ctx.out(), units);
            return;
        }
        try {
            WeightGallery.open(ctx.screens(), units);
        } catch (IOException e) {
            throw new ShellError("could not open the gallery: " + e.getMessage(), e);
        }
    }

    /** The gallery as text: a header, then the thumbnails as many to a row as fit in 80 columns. */
    static void print(PrintStream out, LayerUnits units) {
        out.printf("layer %d: %d units, incoming weights (+ positive, - negative)%n", units.layer(), units.units());
        List<List<String>> pictures = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        for (int k = 0; k < units.units(); k++) {
            pictures.add(WeightImage.fitted(units.incoming()[k], units.rows(), units.cols(), WeightImage.THUMBNAIL_ROWS));
            captions.add("unit " + k);
        }
        int perRow = Thumbnails.perRow(TEXT_COLUMNS, pictures.get(0).get(0).length());
        for (String line : Thumbnails.grid(pictures, captions, perRow)) {
            out.println(line);
        }
    }
}
