package mnistshell.nn.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import mnistshell.errors.ShellError;
import mnistshell.nn.Activation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The spec's layers, shapes and parameter counts, worked out by hand; and every refusal. */
class LayerSpecTest {

    static final Shape MNIST = Shape.image(28, 28);

    private static Sequential parse(String spec) {
        return LayerSpec.parse(spec, MNIST, 10, Activation.LeakyRelu.SEED);
    }

    @Test
    void theIssuesConvNet() {
        Sequential net = parse("conv8k5-pool2-conv16k5-pool2-64-10");
        List<Layer> layers = net.layers();
        // 28 - 5 + 1 = 24, 24 / 2 = 12, 12 - 5 + 1 = 8, 8 / 2 = 4
        List<String> shapes = List.of("1x28x28", "8x24x24", "8x12x12", "16x8x8", "16x4x4", "64", "10");
        for (int l = 0; l < layers.size(); l++) {
            assertEquals(shapes.get(l), layers.get(l).in().toString(), "in of layer " + (l + 1));
            assertEquals(shapes.get(l + 1), layers.get(l).out().toString(), "out of layer " + (l + 1));
        }
        long[] params = {8 * 25 + 8, 0, 16 * 8 * 25 + 16, 0, 16 * 4 * 4 * 64 + 64, 64 * 10 + 10};
        for (int l = 0; l < layers.size(); l++) {
            assertEquals(params[l], layers.get(l).parameterCount(), "parameters of layer " + (l + 1));
        }
        assertEquals(208 + 3216 + 16448 + 650, net.parameterCount());
        assertEquals(List.of("W1", "b1", "W2", "b2", "W3", "b3", "W4", "b4"), net.params().stream().map(Param::name).toList());
        assertEquals(List.of("8x25", "8x1", "16x200", "16x1", "64x256", "64x1", "10x64", "10x1"),
                net.params().stream().map(Param::shape).toList());
        assertInstanceOf(Conv.class, layers.get(0));
        assertInstanceOf(MaxPool.class, layers.get(1));
        assertEquals(Activation.LeakyRelu.SEED, ((Dense) layers.get(4)).activation());
        assertEquals(null, ((Dense) layers.get(5)).activation(), "the output layer gives logits");
    }

    @Test
    void samePaddingKeepsTheSizeAndDropoutKeepsTheShape() {
        Sequential net = parse("conv8k5same-drop0.25-pool2-conv4k2same-10");
        List<Layer> layers = net.layers();
        assertEquals(new Shape(8, 28, 28), layers.get(0).out());
        assertEquals(8 * 25 + 8, layers.get(0).parameterCount());
        assertEquals(new Shape(8, 28, 28), layers.get(1).out());
        assertEquals(0.25, ((Dropout) layers.get(1)).rate());
        assertEquals(new Shape(8, 14, 14), layers.get(2).out());
        assertEquals(new Shape(4, 14, 14), layers.get(3).out(), "an even kernel, same padding");
        assertEquals(4 * 8 * 4 + 4, layers.get(3).parameterCount());
        assertEquals(4 * 14 * 14 * 10 + 10, layers.get(4).parameterCount());
    }

    @Test
    void aPlainDenseSpecIsWhatItIsToday() {
        Sequential net = parse("784-64-32-10");
        assertEquals(3, net.layers().size(), "the first number is the input size");
        assertEquals(784 * 64 + 64 + 64 * 32 + 32 + 32 * 10 + 10, net.parameterCount());
        assertEquals("784-64-32-10", net.spec());
    }

    @ParameterizedTest
    @CsvSource({"conv8k5-pool2-conv16k5-pool2-64-10", "conv8k5same-drop0.5-pool2-10", "784-10", "784-64-drop0.1-10",
        "drop0.2-conv3k3-10"})
    void aSpecReadsBackAsItself(String spec) {
        assertEquals(spec, parse(parse(spec).spec()).spec());
        assertEquals(spec, parse(spec).spec());
    }

    @Test
    void writtenFormsAreNormalised() {
        assertEquals("conv8k5-drop0.5-10", parse("conv8k5valid-drop.5-10").spec());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "conv8k5-pool2-x-10 | SPEC item 3 'x': expected 64, conv8k5, conv8k5same, pool2 or drop0.25",
        "conv8k30-10 | SPEC item 1 'conv8k30': a 30x30 kernel is larger than its input 1x28x28",
        "conv8k5same-pool2-pool2-pool2-conv2k5same-10 | SPEC item 5 'conv2k5same': a 5x5 kernel is larger than its input 8x3x3",
        "784-64-pool2-10 | SPEC item 3 'pool2': 2x2 pooling needs a map of at least 2x2, found 64x1x1",
        "conv8k5-drop1-10 | SPEC item 2 'drop1': the rate must be a number in [0, 1), found '1'",
        "conv8k5-dropx-10 | SPEC item 2 'dropx': the rate must be a number in [0, 1), found 'x'",
        "100-10 | SPEC item 1 '100' is the input size: the images have 784 (1x28x28)",
        "784 | SPEC '784' has no layers after the input size",
        "conv8k5-pool2-64 | SPEC item 3 '64': the last must be 10, the output layer (one unit a class)",
        "conv8k5-pool2 | SPEC item 2 'pool2': the last must be 10, the output layer (one unit a class)",
        "784-10-drop0.5 | SPEC item 3 'drop0.5': the last must be 10, the output layer (one unit a class)",
        "conv8k5--10 | SPEC item 2 is empty: expected 64, conv8k5, conv8k5same, pool2 or drop0.25",
        "conv8-10 | SPEC item 1 'conv8': expected convCkK[same], e.g. conv8k5 or conv8k5same",
        "pool3-10 | SPEC item 1 'pool3': expected pool2 (2x2 max pooling, stride 2)",
        "conv0k5-10 | SPEC item 1 'conv0k5': filters must be an integer from 1 to 4096, found '0'",
        "conv8k0-10 | SPEC item 1 'conv8k0': the kernel must be an integer from 1 to 100000, found '0'",
        "784-0-10 | SPEC item 2 '0': the size must be an integer from 1 to 100000, found '0'",
    })
    void aBadSpecIsOneLineNamingTheItem(String spec, String message) {
        ShellError e = assertThrows(ShellError.class, () -> parse(spec));
        assertEquals(message, e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertTrue(e.getMessage().length() <= 80, e.getMessage().length() + " characters");
    }

    @Test
    void theTableShowsEveryLayerWithinEightyColumns() {
        String table = LayerTable.of(parse("conv8k5-pool2-conv16k5-pool2-64-10"));
        List<String> lines = table.lines().toList();
        assertEquals(8, lines.size(), table);
        String[][] rows = {
            {"1", "conv8k5", "1x28x28", "8x24x24", "208"},
            {"2", "pool2", "8x24x24", "8x12x12", "0"},
            {"3", "conv16k5", "8x12x12", "16x8x8", "3216"},
            {"4", "pool2", "16x8x8", "16x4x4", "0"},
            {"5", "64", "16x4x4", "64", "16448"},
            {"6", "10", "64", "10", "650"}};
        for (int l = 0; l < rows.length; l++) {
            List<String> words = List.of(lines.get(l + 1).trim().split(" +"));
            assertEquals(List.of(rows[l]).subList(0, 2), words.subList(0, 2), lines.get(l + 1));
            assertEquals(List.of(rows[l]).subList(2, 5), words.subList(words.size() - 3, words.size()), lines.get(l + 1));
        }
        assertEquals(List.of("total", "20522"), List.of(lines.get(7).trim().split(" +")));
        // the second has 3.2e11 parameters: parsing and showing it must not make them
        for (String spec : List.of("conv8k5-pool2-conv16k5-pool2-64-10", "conv4096k28same-conv4096k28same-100000-10")) {
            for (String line : LayerTable.of(parse(spec)).lines().toList()) {
                assertTrue(line.length() <= 80, line.length() + " columns: " + line);
            }
        }
    }
}
