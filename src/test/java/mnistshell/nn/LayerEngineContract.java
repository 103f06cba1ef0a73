package mnistshell.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import mnistshell.data.Dataset;
import mnistshell.nn.layer.Pass;
import mnistshell.nn.layer.Sequential;
import mnistshell.nn.layer.Shape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every {@link LayerEngine} must do, in the manner of la4j's {@code MatrixTest}: each engine
 * is a small subclass, and passes every check here against {@link LayerReference}, the la4j layers
 * themselves: every parameter's gradient within 1e-9 of the largest entry of the reference's, the
 * loss within 1e-12 of it, the same right answers and predictions. For every layer kind, valid and
 * same padding, odd sizes and two input channels, dropout in training, a full batch of 300 real
 * digits (more chunks than a round holds) and a mini-batch of 20 drawn from across them.
 */
abstract class LayerEngineContract {

    static final int IMAGES = 300;
    static final int MINI = 20;
    /** The reference's answers, shared by the subclasses: each net is made the same way every time. */
    static final Map<String, Gradients> REFERENCE = new ConcurrentHashMap<>();
    static final Map<String, Evaluation> REFERENCE_EVALUATION = new ConcurrentHashMap<>();

    /** A fresh engine; the test closes it. */
    abstract LayerEngine engine();

    static Stream<Arguments> nets() {
        String[][] nets = {
            {"conv3k3-10", "1x9x7", "leaky-relu"},                           // valid, odd sizes
            {"conv3k4same-10", "1x9x7", "tanh"},                             // same, an even kernel
            {"conv4k3same-pool2-10", "2x9x9", "relu"},                       // two channels; an odd map pooled
            {"pool2-conv2k2-10", "2x7x8", "sigmoid"},                        // nothing to learn below the conv
            {"conv2k3-drop0.3-pool2-8-drop0.2-10", "1x12x12", "leaky-relu"}, // dropout on maps and on vectors
            {"conv4k3-pool2-conv6k3same-pool2-10", "1x12x12", "leaky-relu"}, // the small net of the kind
            {"conv3k2same-drop0.5-8-6-10", "2x6x6", "tanh"},                 // dense over a 2-channel map
            {"144-16-10", "1x12x12", "leaky-relu"},                          // dense alone
        };
        List<Arguments> cases = new ArrayList<>();
        for (String[] net : nets) {
            for (int batch : new int[] {IMAGES, MINI}) {
                cases.add(Arguments.of(net[0], net[1], net[2], batch));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} over {1}, {2}, batch {3}")
    @MethodSource("nets")
    void gradientsLossAndAnswersAreTheReferences(String spec, String shape, String act, int batch) {
        Case c = new Case(spec, shape, act, batch);
        Gradients expected = REFERENCE.computeIfAbsent(c.key("exact"),
                k -> new LayerReference().gradients(c.net(), c.data, c.images, c.pass(BiasGrad.EXACT)));
        try (LayerEngine engine = engine()) {
            Gradients actual = engine.gradients(c.net(), c.data, c.images, c.pass(BiasGrad.EXACT));
            assertSameGradients(expected, actual, expected);
        }
    }

    @ParameterizedTest(name = "{0} over {1}, {2}, batch {3}")
    @MethodSource("nets")
    void evaluationIsTheReferences(String spec, String shape, String act, int batch) {
        Case c = new Case(spec, shape, act, batch);
        Evaluation expected = REFERENCE_EVALUATION.computeIfAbsent(c.key("evaluation"),
                k -> new LayerReference().evaluate(c.net(), c.data, c.images));
        try (LayerEngine engine = engine()) {
            Sequential net = c.net();
            Evaluation actual = engine.evaluate(net, c.data, c.images);
            assertArrayEquals(expected.predictions(), actual.predictions(), "predictions");
            assertEquals(expected.correct(), actual.correct(), "right answers");
            assertEquals(expected.loss(), actual.loss(), 1e-12 * Math.abs(expected.loss()), "loss");
            assertEquals(expected.accuracy(), engine.accuracy(net, c.data, c.images), 0, "accuracy");
        }
    }

    /**
     * The notebook's bias gradient, one scalar a layer: the output layer's cancels to rounding
     * noise, so it is compared on the scale of the per-unit gradients it sums.
     */
    @ParameterizedTest(name = "{0} over {1}, {2}, batch {3}")
    @MethodSource("nets")
    void theSeedsBiasGradientIsTheReferences(String spec, String shape, String act, int batch) {
        Case c = new Case(spec, shape, act, batch);
        Gradients perUnit = REFERENCE.computeIfAbsent(c.key("exact"),
                k -> new LayerReference().gradients(c.net(), c.data, c.images, c.pass(BiasGrad.EXACT)));
        Gradients expected = REFERENCE.computeIfAbsent(c.key("seed"),
                k -> new LayerReference().gradients(c.net(), c.data, c.images, c.pass(BiasGrad.SEED)));
        try (LayerEngine engine = engine()) {
            Gradients actual = engine.gradients(c.net(), c.data, c.images, c.pass(BiasGrad.SEED));
            assertSameGradients(expected, actual, perUnit);
        }
    }

    /** Every dW and db within 1e-9 of the largest entry of the reference's (db also of {@code scales}'), loss, answers. */
    static void assertSameGradients(Gradients expected, Gradients actual, Gradients scales) {
        assertEquals(expected.layers(), actual.layers(), "layers with parameters");
        for (int l = 0; l < expected.layers(); l++) {
            assertClose("dW" + (l + 1), expected.dW()[l], actual.dW()[l], 0);
            assertClose("db" + (l + 1), expected.db()[l], actual.db()[l], largest(scales.db()[l]));
        }
        assertEquals(expected.loss(), actual.loss(), 1e-12 * Math.abs(expected.loss()), "loss");
        assertEquals(expected.correct(), actual.correct(), "right answers");
    }

    /** Equal within 1e-9 of the largest entry or of {@code minScale}; names the tensor and the worst entry when not. */
    static void assertClose(String name, double[][] expected, double[][] actual, double minScale) {
        double scale = Math.max(minScale, largest(expected));
        double worst = 0;
        String where = "";
        assertEquals(expected.length, actual.length, name + " rows");
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[i].length; j++) {
                double d = Math.abs(expected[i][j] - actual[i][j]);
                if (!(d <= worst)) {
                    worst = d;
                    where = "(" + i + "," + j + ")";
                }
            }
        }
        assertTrue(scale > 0, name + " is all zeros in the reference: nothing was checked");
        assertTrue(worst <= 1e-9 * scale, name + " differs by " + worst + " at " + where + ", largest entry " + scale);
    }

    static double largest(double[][] m) {
        double max = 0;
        for (double[] row : m) {
            for (double v : row) {
                max = Math.max(max, Math.abs(v));
            }
        }
        return max;
    }

    /** One net over one shape of digits, and its batch: the whole set or a mini-batch from across it. */
    static final class Case {
        final String spec;
        final Shape shape;
        final String act;
        final Dataset data;
        final int[] images;

        Case(String spec, String shape, String act, int batch) {
            String[] s = shape.split("x");
            this.spec = spec;
            this.shape = new Shape(Integer.parseInt(s[0]), Integer.parseInt(s[1]), Integer.parseInt(s[2]));
            this.act = act;
            this.data = LayerImages.of(IMAGES, this.shape.channels(), this.shape.height(), this.shape.width());
            this.images = batch == IMAGES ? TestData.range(IMAGES) : LayerImages.spread(batch, IMAGES);
        }

        Sequential net() {
            return LayerImages.net(spec, shape, act);
        }

        /** Training, so that dropout is on: update 3 of a run seeded 5. */
        Pass pass(BiasGrad mode) {
            return Pass.training(5, 3, images).withBiasGrad(mode);
        }

        String key(String what) {
            return spec + " " + shape + " " + act + " " + images.length + " " + what;
        }
    }
}
