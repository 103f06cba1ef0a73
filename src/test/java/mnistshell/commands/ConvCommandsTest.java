package mnistshell.commands;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import mnistshell.errors.ShellError;
import mnistshell.nn.Tensor;
import mnistshell.shell.CommandTable;
import mnistshell.shell.Shell;
import mnistshell.shell.ShellFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A layered (conv) network through the shell: {@code init SPEC} builds it from the data's 28x28
 * images, {@code weights} and {@code help init} show its layers, {@code gradcheck} passes on it,
 * training runs on either engine, and what only a dense network can show yet is refused in one line.
 */
class ConvCommandsTest {

    static final String SPEC = "conv2k3-pool2-drop0.5-8-10";

    final ShellFixture f = new ShellFixture(false);

    @Test
    void initBuildsItAndCountsItsParameters() {
        String out = f.run("init " + SPEC + " --seed 4");
        // conv2k3: 2 filters of 3x3 + 2 biases = 20; pooled to 2x13x13 = 338 inputs;
        // dense 8: 338*8 + 8 = 2712; output 8*10 + 10 = 90; in all 2822
        assertEquals("network " + SPEC + ", leaky-relu(0.01), he init, seed 4 (2822\n  parameters)\n", out);
        assertTrue(f.session.network().isLayered());
        assertEquals(List.of("W1", "b1", "W2", "b2", "W3", "b3"), f.session.network().tensorNames());
    }

    @Test
    void weightsShowsEveryLayerWithItsShapesThenEveryTensor() {
        f.run("init " + SPEC);
        String out = f.run("weights");
        List<String> lines = out.lines().toList();
        assertEquals(List.of("#", "layer", "what", "in", "out", "parameters"), List.of(lines.get(0).trim().split("\\s+")));
        assertTrue(lines.get(1).matches(" *1 +conv2k3 +conv 3x3 valid +1x28x28 +2x26x26 +20"), lines.get(1));
        assertTrue(lines.get(2).matches(" *2 +pool2 +.* +2x26x26 +2x13x13 +0"), lines.get(2));
        assertTrue(lines.get(3).matches(" *3 +drop0.5 +.* +2x13x13 +2x13x13 +0"), lines.get(3));
        assertTrue(lines.get(4).matches(" *4 +8 +dense +2x13x13 +8 +2712"), lines.get(4));
        assertTrue(lines.get(5).matches(" *5 +10 +dense.* +8 +10 +90"), lines.get(5));
        assertTrue(lines.get(6).matches(" +total +2822"), lines.get(6));
        assertEquals("W1 b1: layer 1 (conv2k3); W2 b2: layer 4 (8); W3 b3: layer 5 (10)", lines.get(7));
        assertTrue(out.contains("\nW1 ") && out.contains(" 2x9 ") && out.contains(" 8x338 "), out);
        assertTrue(lines.stream().allMatch(l -> l.length() <= 80), out);
    }

    @Test
    void helpInitExplainsTheLayersWithAnExample() {
        String out = f.run("help init");
        assertTrue(out.contains("conv8k5same") && out.contains("pool2") && out.contains("drop0.25"), out);
        assertTrue(out.contains("conv8k5-pool2-conv16k5-pool2-64-10"), out);
        assertTrue(out.lines().anyMatch(l -> l.matches(" *3 +conv16k5 +conv 5x5 valid +8x12x12 +16x8x8 +3216")), out);
        assertTrue(out.lines().allMatch(l -> l.length() <= 80), out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fast", "java", "reference"})
    void gradcheckPassesOnASmallConvNet(String engine) {
        f.run("init " + SPEC + " --act tanh; set engine " + engine + "; step 2");
        String out = f.run("gradcheck --samples 3");
        assertTrue(out.contains("PASS"), out);
        assertTrue(out.contains("dW1") && out.contains("db3"), out);
        assertTrue(out.lines().allMatch(l -> l.length() <= 80), out);
    }

    /**
     * At init every bias is 0 and the blank margins of the images put a convolution's outputs
     * exactly there, on Leaky ReLU's kink: the finite differences of b1 straddle it (slopes 1 and
     * 0.01 averaged) and gradcheck says so; W1, whose changes move nothing over blank areas, passes.
     */
    @Test
    void aConvBiasOnTheKinkFailsWithANoteSayingWhy() {
        f.run("init " + SPEC);
        String out = f.run("gradcheck --samples 3");
        assertTrue(out.lines().anyMatch(l -> l.startsWith("db1") && l.endsWith("FAIL")), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("dW1") && l.endsWith("ok")), out);
        assertTrue(out.contains(GradcheckCommand.KINK_NOTE), out);
        assertTrue(out.lines().allMatch(l -> l.length() <= 80), out);
    }

    @Test
    void aWrongGradientFailsGradcheckOnAConvNet() {
        f.run("init " + SPEC + " --act tanh; step 1");
        GradcheckCommand tampered = new GradcheckCommand(g -> {
            g.tensor(0)[0][0] += 0.1;
            return g;
        });
        f.outBytes.reset();
        new Shell(f.session, new CommandTable(List.of(tampered)), f.out, false).execute("gradcheck", () -> false);
        String text = f.out();
        assertTrue(text.lines().anyMatch(l -> l.startsWith("dW1") && l.endsWith("FAIL")), text);
        assertTrue(text.contains("FAIL: a relative error"), text);
        assertTrue(!text.contains("note:"), text);
    }

    @Test
    void theEnginesTrainItAlike() {
        f.run("init " + SPEC + "; set optimizer adam; set lr 0.01; set batch 16; step 3");
        List<Tensor> fast = f.session.network().copy().tensors();
        ShellFixture g = new ShellFixture(false);
        g.run("init " + SPEC + "; set engine reference; set optimizer adam; set lr 0.01; set batch 16; step 3");
        List<Tensor> reference = g.session.network().tensors();
        for (int k = 0; k < fast.size(); k++) {
            for (int i = 0; i < fast.get(k).rows(); i++) {
                assertArrayEquals(reference.get(k).values()[i], fast.get(k).values()[i], 1e-9, fast.get(k).name());
            }
        }
    }

    @Test
    void aConvNetworksSaliencyShowsBesideTheImage() {
        f.run("init " + SPEC);
        String out = f.run("predict 0 --saliency");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("predicted (\\d)").matcher(out);
        assertTrue(m.find(), out);
        assertTrue(out.contains("saliency: d p(" + m.group(1) + ") / d pixel"), "of the predicted class: " + out);
        assertTrue(out.contains("largest |dp/dx|"), out);
        out.lines().forEach(l -> assertTrue(l.length() <= 80, l));
    }

    @ParameterizedTest
    @ValueSource(strings = {"weights W1 --neuron 0"})
    void whatOnlyADenseNetworkShowsIsRefusedInOneLine(String line) {
        f.run("init " + SPEC);
        ShellError e = assertThrows(ShellError.class, () -> f.run(line));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(e.getMessage().contains("not yet for conv networks"), e.getMessage());
        assertTrue(e.getMessage().length() <= 80, e.getMessage());
    }

    @Test
    void whatEveryNetworkHasStillWorks() {
        f.run("init " + SPEC + "; set batch 32; step 8");
        assertTrue(f.run("eval").contains("test accuracy"));
        assertTrue(f.run("grads").contains("dW3"));
        assertTrue(f.run("errors").length() > 0);
        assertTrue(f.run("history --layers").contains("W1 (2x9)"));
        assertTrue(f.run("show 0").contains("predicted"));
        assertTrue(f.run("fork other").length() > 0);
    }

    @Test
    void aBadLayerSpecIsRefusedInOneLineAndChangesNothing() {
        f.run("step 1");
        String before = f.session.network().architecture();
        ShellError e = assertThrows(ShellError.class, () -> f.run("init conv8k30-10"));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(e.getMessage().startsWith("init: SPEC item 1 'conv8k30': "), e.getMessage());
        e = assertThrows(ShellError.class, () -> f.run("init conv8k5-pool3-10"));
        assertTrue(e.getMessage().contains("expected pool2"), e.getMessage());
        e = assertThrows(ShellError.class, () -> f.run("init conv8k5-pool2-7"));
        assertTrue(e.getMessage().contains("the last must be 10"), e.getMessage());
        assertEquals(before, f.session.network().architecture());
        assertEquals(1, f.session.iteration());
    }

    @Test
    void itsFiltersFeatureMapsAndDeadFiltersShowThroughTheShell(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        f.run("init " + SPEC + "; set batch 32; step 4");
        String view = f.run("view weights 1");
        assertTrue(view.startsWith("W1 conv2k3 (layer 1): 2 filters of 3x3\n"), view);
        String inside = f.run("predict 0 --inside");
        assertTrue(inside.contains("layer 1 conv2k3: conv 3x3 valid, leaky-relu(0.01), out 2x26x26"), inside);
        assertTrue(inside.contains("layer 4: 8 units"), inside);
        String act = f.run("activations");
        assertTrue(act.startsWith("layer 1 conv2k3: 2 filters, leaky-relu(0.01), over "), act);
        assertTrue(act.contains("\nlayer 4: 8 units, leaky-relu(0.01), over "), act);
        java.nio.file.Path png = dir.resolve("f.png");
        String wrote = f.run("weights --png " + png);
        assertTrue(wrote.startsWith("wrote " + png + " ("), wrote);
        assertTrue(java.nio.file.Files.exists(png));
        assertTrue(f.run("view weights 1 1").startsWith("W1 conv2k3 (layer 1), filter 1: a picture per input channel (1)\n"));
        ShellError notThere = assertThrows(ShellError.class, () -> f.run("view weights 1 2"));
        assertEquals("view weights: W1 has filters 0 to 1, found 2", notThere.getMessage());
        ShellError bias = assertThrows(ShellError.class, () -> f.run("weights b1 --png " + dir.resolve("b.png")));
        assertTrue(bias.getMessage().contains("--png draws a convolution's filters: give its weights, W1, W2, ..., found"),
                bias.getMessage());
        ShellError dense = assertThrows(ShellError.class, () -> f.run("view weights 2"));
        assertEquals("view weights: W2 is not a convolution's weights; expected W1", dense.getMessage());
        for (String out : List.of(view, inside, act)) {
            assertTrue(out.lines().allMatch(l -> l.length() <= 80), out);
        }
    }
}
