package mnistshell.commands;

import java.io.PrintStream;
import mnistshell.inspect.OneImage;
import mnistshell.render.InsideText;
import mnistshell.render.SafeText;
import mnistshell.render.SaliencyImage;
import mnistshell.session.ImageRef;
import mnistshell.session.Session;

/** {@code predict N --inside} and {@code predict N --saliency [--png FILE]}: one image inside the network. */
final class InsideView {

    static final int ZOOM = 8;

    private InsideView() {
    }

    /** Every hidden layer's outputs for image {@code ref} and its top units for the predicted class. */
    static void inside(PrintStream out, Session session, ImageRef ref) {
        if (session.network().isLayered()) { // feature maps layer by layer
            ConvInspection.featureMaps(out, session.network().sequential(), ref.input(session));
            return;
        }
        OneImage one = OneImage.of(session.network(), ref.input(session));
        if (one.activations().length == 0) {
            out.println("this network has no hidden layer: its inputs go straight to the output");
        }
        for (int l = 0; l < one.activations().length; l++) {
            for (String line : InsideText.layer(l + 1, session.network().hidden().toString(), one.activations()[l],
                    one.contribution()[l], one.topUnits(l, 3), one.predicted())) {
                out.println(line);
            }
        }
        out.println("(most for class: output times d logit / d output, the unit's share of the logit)");
    }

    /** The saliency of image {@code ref} beside it as text, or written to {@code png}. */
    static void saliency(PrintStream out, Session session, ImageRef ref, String png) {
        OneImage one = session.network().isLayered() ? OneImage.saliency(session.network(), ref.input(session))
                : OneImage.of(session.network(), ref.input(session));
        int rows = session.data().rows();
        int cols = session.data().cols();
        int[] grey = ref.grey(session);
        if (png != null) {
            PngFile.write(SaliencyImage.draw(grey, one.saliency(), rows, cols, ZOOM, one.predicted()), png);
            out.printf("wrote %s (%dx%d PNG)%n", SafeText.escape(png), SaliencyImage.width(cols, ZOOM),
                    SaliencyImage.height(rows, ZOOM));
            out.printf("  the image, and d p(%d) / d pixel: red raises the probability, blue lowers it%n",
                    one.predicted());
            return;
        }
        out.printf("saliency: d p(%d) / d pixel, how the probability of class %d moves with each pixel%n",
                one.predicted(), one.predicted());
        for (String line : InsideText.saliency(grey, one.saliency(), rows, cols)) {
            out.println(line);
        }
    }
}
