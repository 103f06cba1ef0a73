package mnistshell.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import mnistshell.data.Dataset;
import mnistshell.errors.ShellError;
import mnistshell.inspect.LayerActivity;
import mnistshell.nn.Activation;
import mnistshell.nn.Init;
import mnistshell.nn.layer.LayerSpec;
import mnistshell.nn.layer.Sequential;
import mnistshell.nn.layer.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the commands will print for a conv network, driven through the calls they make: refusals
 * in one line, every printed line within 80 columns, the PNG a real file through the atomic writer.
 */
class ConvInspectionTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private static Sequential issuesNet() {
        Sequential net = LayerSpec.parse("conv8k5-pool2-conv16k5-pool2-64-10", Shape.image(28, 28), 10,
                Activation.LeakyRelu.SEED);
        net.initialise(Init.HE, 2);
        return net;
    }

    private List<String> printed() {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private void assertFits() {
        for (String line : printed()) {
            assertTrue(line.length() <= 80, line.length() + ": " + line);
        }
    }

    @Test
    void viewWeightsOfEachConvolutionAndOfOneFilter() {
        Sequential net = issuesNet();
        ConvInspection.filters(out, net, 1, null);
        ConvInspection.filters(out, net, 2, null);
        ConvInspection.filters(out, net, 2, 15);
        List<String> lines = printed();
        assertTrue(lines.contains("W1 conv8k5 (layer 1): 8 filters of 5x5"));
        assertTrue(lines.contains("W2 conv16k5 (layer 3): 16 filters of 5x5 on 8 input channels"));
        assertTrue(lines.contains("W2 conv16k5 (layer 3), filter 15: a picture per input channel (8)"));
        assertEquals(1, lines.stream().filter(l -> l.equals("view weights 2 F: filter F on each of its 8 input channels"))
                .count(), "the hint after the means of W2 alone");
        assertFits();
    }

    @Test
    void aLayerThatIsNoConvolutionOrAFilterThatIsNotThereIsOneLine() {
        Sequential net = issuesNet();
        ShellError dense = assertThrows(ShellError.class, () -> ConvInspection.filters(out, net, 3, null));
        assertEquals("view weights: W3 is not a convolution's weights; expected W1, W2", dense.getMessage());
        ShellError filter = assertThrows(ShellError.class, () -> ConvInspection.filters(out, net, 1, 8));
        assertEquals("view weights: W1 has filters 0 to 7, found 8", filter.getMessage());
        assertEquals("", bytes.toString(StandardCharsets.UTF_8), "nothing printed before a refusal");
    }

    @Test
    void thePngIsWrittenAndSaysWhatItHolds(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("filters.png");
        ConvInspection.filtersPng(out, issuesNet(), 2, file.toString());
        BufferedImage img = ImageIO.read(file.toFile());
        // 16 rows of 8 slices, each 5 * 8 pixels and a 1-pixel line (329 wide, widened to the colour
        // scale's 360); the scale's 64 under it
        assertEquals(Math.max(8 * (5 * 8 + 1) + 1, 360), img.getWidth());
        assertEquals(16 * (5 * 8 + 1) + 1 + 64, img.getHeight());
        assertEquals(List.of("wrote " + file + " (" + img.getWidth() + "x" + img.getHeight() + " PNG)",
                "  W2: 16 filters of 5x5 on 8 input channels, red positive, blue negative"), printed());
        try (var left = Files.list(dir)) {
            assertEquals(List.of(file), left.toList(), "no temporary file left beside it");
        }
    }

    @Test
    void predictInsideShowsEveryLayer() {
        double[] x = new double[784];
        for (int i = 300; i < 500; i += 3) {
            x[i] = 1;
        }
        ConvInspection.featureMaps(out, issuesNet(), x);
        List<String> lines = printed();
        assertEquals("input: the image, 1x28x28", lines.get(0));
        for (String layer : new String[] {"layer 1 conv8k5: ", "layer 2 pool2: ", "layer 3 conv16k5: ",
            "layer 4 pool2: ", "layer 5: 64 units", "layer 6: 10 logits"}) {
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(layer)), layer);
        }
        assertFits();
    }

    @Test
    void withoutHiddenDenseLayersThereIsNoShareToExplain() {
        Sequential net = LayerSpec.parse("conv2k3-pool2-10", Shape.image(28, 28), 10, Activation.LeakyRelu.SEED);
        net.initialise(Init.HE, 1);
        ConvInspection.featureMaps(out, net, new double[784]);
        assertFalse(bytes.toString(StandardCharsets.UTF_8).contains("most for class"));
        assertTrue(printed().stream().anyMatch(l -> l.startsWith("layer 3: 10 logits; predicted ")),
                printed().toString());
    }

    @Test
    void activationsCountsEachConvolutionsDeadFilters() {
        // 12 blank images: every filter sees only its bias. Filter 0 of W1 gets bias -1 (dead),
        // the others +1 (alive at every position); W2's are all +1 but filter 5's, -1
        Dataset blank = new Dataset("blank", 28, 28, new byte[12 * 784], new byte[12]);
        Sequential net = issuesNet();
        double[][] b1 = net.params().get(1).values();
        double[][] b2 = net.params().get(3).values();
        for (int f = 0; f < b1.length; f++) {
            b1[f][0] = f == 0 ? -1 : 1;
        }
        for (int f = 0; f < b2.length; f++) {
            b2[f][0] = f == 5 ? -1 : 1;
        }
        double[][] w2 = net.params().get(2).values();
        for (double[] row : w2) {
            java.util.Arrays.fill(row, 0); // so that W2 sees its bias alone too
        }
        List<LayerActivity> dense = ConvInspection.activations(out, net, blank,
                new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});
        // the hidden dense layer, for activations to print as it prints a dense network's
        assertEquals(1, dense.size());
        assertEquals(5, dense.get(0).layer());
        assertEquals(64, dense.get(0).units());
        assertEquals(Activation.LeakyRelu.SEED, ConvInspection.denseActivation(net, 5));
        for (LayerActivity layer : dense) {
            ActivationsCommand.print(out, layer, ConvInspection.denseActivation(net, layer.layer()));
        }
        List<String> lines = printed();
        assertEquals("layer 1 conv8k5: 8 filters, leaky-relu(0.01), over 12 training images", lines.get(0));
        assertTrue(lines.contains("  dead (<= 0 at every position of every image): 1 filter: 0"), lines.toString());
        assertTrue(lines.contains("  dead (<= 0 at every position of every image): 1 filter: 5"), lines.toString());
        // 7 of 8 filters active at every position
        assertTrue(lines.contains("  mean share of outputs active (above 0) per image: 87.5%"), lines.toString());
        assertTrue(lines.contains("layer 5: 64 units, leaky-relu(0.01), over 12 training images"), lines.toString());
        assertFits();
    }

    @Test
    void aNetworkWithoutConvolutionsHasNoFiltersToShow() {
        Sequential dense = LayerSpec.parse("784-drop0.5-10", Shape.image(28, 28), 10, Activation.LeakyRelu.SEED);
        Dataset blank = new Dataset("blank", 28, 28, new byte[784], new byte[1]);
        ShellError e = assertThrows(ShellError.class, () -> ConvInspection.activations(out, dense, blank, new int[] {0}));
        assertEquals("this network has no hidden layer", e.getMessage(), "as activations says of a 784-10");
        Sequential hidden = LayerSpec.parse("784-16-drop0.5-10", Shape.image(28, 28), 10, Activation.LeakyRelu.SEED);
        assertEquals(1, ConvInspection.activations(out, hidden, blank, new int[] {0}).size(), "its dense 16");
        ShellError png = assertThrows(ShellError.class, () -> ConvInspection.filtersPng(out, dense, 1, "x.png"));
        assertEquals("--png: W1 is not a convolution's weights; expected a network with a convolution",
                png.getMessage());
        assertFalse(Files.exists(Path.of("x.png")));
    }

    /** Odd shapes: same padding, a 1x1 kernel, a map pooled down to 3x3, a 1x1 output, a conv after a dense layer. */
    @ParameterizedTest
    @ValueSource(strings = {"conv8k5same-pool2-conv16k3-pool2-drop0.25-32-10", "conv3k1-10", "conv2k28-10",
        "conv4k3-pool2-pool2-pool2-10", "conv4k5-20-conv2k1-10", "conv32k3-conv64k3-16-16-10"})
    void everyShapeShowsWithinEightyColumns(String spec) {
        Sequential net = LayerSpec.parse(spec, Shape.image(28, 28), 10, Activation.LeakyRelu.SEED);
        net.initialise(Init.HE, 7);
        Dataset data = mnistshell.nn.TestData.random(5, 28, 28, 3);
        double[] x = new double[784];
        for (int i = 0; i < x.length; i++) {
            x[i] = data.pixel(0, i);
        }
        for (int w : mnistshell.inspect.ConvFilters.convolutions(net)) {
            ConvInspection.filters(out, net, w, null);
            ConvInspection.filters(out, net, w, 0);
        }
        ConvInspection.featureMaps(out, net, x);
        ConvInspection.activations(out, net, data, new int[] {0, 1, 2, 3, 4});
        assertFits();
        assertTrue(printed().stream().anyMatch(l -> l.startsWith("layer 1 conv")), spec);
    }
}
