package mnistshell.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import mnistshell.nn.Activation;
import mnistshell.render.ColourScale;
import mnistshell.errors.ShellError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** activations, confusion, errors and weights on hand-built 2-3-10 networks whose answers are worked out by hand. */
class InspectCommandsTest {

    @TempDir
    Path dir;

    /** Unit 0 fires unless both pixels are off, unit 1 never, unit 2 always. */
    static TinyWorld deadAndAlive() {
        return new TinyWorld(Activation.LeakyRelu.SEED).hidden(
                new double[][] {{1, 1}, {-1, -1}, {0, 0}}, new double[] {-0.5, -0.1, 1});
    }

    @Test
    void activationsFindTheDeadUnitAndTheAlwaysActiveOne() {
        String out = deadAndAlive().run("activations");
        // on [0,0], [1,0], [0,1], [1,1]: unit 0's z is -0.5, 0.5, 0.5, 1.5 (active 3 of 4), unit 1's
        // always below 0, unit 2's always 1: 7 of 12 unit-images active
        assertTrue(out.contains("layer 1: 3 units, leaky-relu(0.01), over 4 training images"), out);
        assertTrue(out.contains("active on more than half the images: 2 of 3 units"), out);
        assertTrue(out.contains("mean share of units active per image: 58.3%"), out);
        assertTrue(out.contains("dead (negative on every image, passing back only the slope 0.01): 1 unit: 1\n"),
                out);
        // bars 40 characters long at 100%, then the share as %5.1f%%
        assertTrue(out.contains("unit 0 " + "█".repeat(30) + " ".repeat(10) + "  75.0%\n"), out);
        assertTrue(out.contains("unit 1 " + " ".repeat(40) + "   0.0% dead\n"), out);
        assertTrue(out.contains("unit 2 " + "█".repeat(40) + " 100.0%\n"), out);
        assertTrue(!out.contains("saturated"), "saturation is not a ReLU notion: " + out);
    }

    @Test
    void aReluUnitThatIsNeverPositivePassesNoGradientAndIsDead() {
        String out = new TinyWorld(new Activation.Relu()).hidden(
                new double[][] {{1, 1}, {-1, -1}, {0, 0}}, new double[] {-0.5, -0.1, 1}).run("activations");
        assertTrue(out.contains("dead (0 on every image, passing back no gradient): 1 unit: 1\n"), out);
    }

    @Test
    void unitListsStopBeforeEightyColumns() {
        List<Integer> many = java.util.stream.IntStream.range(1000, 1100).boxed().toList();
        String line = "  saturated (on over 90% of the images): " + ActivationsCommand.units(many);
        assertTrue(line.length() <= 80 && line.endsWith(", ...") && line.contains("100 units: 1000, 1001"), line);
        assertEquals("2 units: 3, 4", ActivationsCommand.units(List.of(3, 4)));
    }

    @Test
    void activationsFindASaturatedTanhUnit() {
        TinyWorld w = new TinyWorld(new Activation.Tanh()).hidden(
                new double[][] {{5, 5}, {0, 0}, {0, 0}}, new double[] {3, 0.1, -0.1});
        String out = w.run("activations");
        // unit 0: z = 3, 8, 8, 13, tanh' <= 1 - tanh(3)^2 = 0.0099 < 5% of tanh'(0) = 1: saturated on all 4
        // unit 1: z = 0.1, active and not saturated; unit 2: z = -0.1, never active
        assertTrue(out.contains("saturated (on over 90% of the images): 1 unit: 0\n"), out);
        // tanh'(z) / tanh'(0) = 1 - tanh(z)^2 at 3, 8, 8, 13: 0.00987 + 4.5e-7 + 4.5e-7 + 2e-11, over 4 images
        double flows = (4 / Math.pow(Math.exp(3) + Math.exp(-3), 2) + 2 * 4 / Math.pow(Math.exp(8) + Math.exp(-8), 2)
                + 4 / Math.pow(Math.exp(13) + Math.exp(-13), 2)) / 4;
        assertTrue(out.contains("    " + String.format("%.1f%%", 100 * flows)
                + " of the gradient still flows through them\n"), out);
        assertTrue(!out.contains("dead"), "unit 2 is never above its midpoint, but a tanh unit is never dead: " + out);
        assertTrue(out.contains("unit 0 " + "█".repeat(40) + " 100.0% saturated\n"), out);
        assertTrue(out.contains("active on more than half the images: 2 of 3 units"), out);
    }

    @Test
    void aNetworkThatAlwaysSaysThreeGetsTheExpectedConfusion() {
        String out = new TinyWorld(Activation.LeakyRelu.SEED).alwaysPredicts(3).run("confusion");
        // test labels 3, 3, 4, 9, 0, every prediction 3: column 3 holds 1, 2, 1, 1 in rows 0, 3, 4, 9;
        // recall 100% for 3 and 0% for 0, 4, 9, '-' for digits absent; precision of 3 is 2/5
        assertTrue(out.startsWith("test images: 5, accuracy 40.0%"), out);
        // first column as wide as "precision", then every cell as wide as "40%", the recall as "recall"
        List<String> lines = out.lines().toList();
        String dot = "    .";
        assertEquals("0        " + dot.repeat(3) + "    1" + dot.repeat(6) + "      0%", lines.get(2));
        assertEquals("3        " + dot.repeat(3) + "    2" + dot.repeat(6) + "    100%", lines.get(5));
        assertEquals("5        " + dot.repeat(10) + "       -", lines.get(7));
        assertEquals("precision" + "    -".repeat(3) + "  40%" + "    -".repeat(6), lines.get(12));
        assertEquals("most confused: 0 as 3 (1), 4 as 3 (1), 9 as 3 (1)", lines.get(13));
    }

    @Test
    void aNetworkThatAlwaysSaysThreeGetsTheExpectedErrors() {
        TinyWorld w = new TinyWorld(Activation.LeakyRelu.SEED).alwaysPredicts(3);
        String out = w.run("errors");
        // p(3) = e^5 / (e^5 + 9) = 0.9428 for every image; ties keep image order: 6 (a 4), 7 (a 9), 8 (a 0)
        assertEquals("3 of 5 test images wrong, most confident first:\n"
                + "image  label  predicted  confidence\n"
                + "6          4          3       94.3%\n"
                + "7          9          3       94.3%\n"
                + "8          0          3       94.3%\n", out);
        assertTrue(w.run("errors --label 4 --pred 3").startsWith("1 of 5 test images wrong (labelled 4 and predicted 3)"));
        assertTrue(w.run("errors --limit 2").contains("the 2 most confident:"));
        // training images [0,0], [1,0], [0,1], [1,1] are labelled 0, 1, 2, 3: all but the last wrong
        assertTrue(w.run("errors --train").startsWith("3 of 4 training images wrong"));
        assertTrue(w.run("errors --pred 5").startsWith("0 of 5 test images wrong (predicted 5)\n"));
    }

    @Test
    void weightsSummariseEveryTensor() {
        TinyWorld w = new TinyWorld(Activation.LeakyRelu.SEED).hidden(
                new double[][] {{1, -1}, {0, 0}, {2, 0}}, new double[] {0, 0, 0});
        List<String> lines = w.run("weights").lines().toList();
        // W1 = 1, -1, 0, 0, 2, 0: mean 1/3, E[w^2] = 1 so std = sqrt(1 - 1/9) = 0.943, L2 = sqrt 6 = 2.45
        assertEquals(List.of("W1", "3x2", "0.333", "0.943", "-1.00", "2.00", "2.45", "50.0%"),
                List.of(lines.get(1).trim().split(" +")));
        assertEquals(List.of("b1", "3x1", "0", "0", "0", "0", "0", "100.0%"), List.of(lines.get(2).trim().split(" +")));
        assertEquals(5, lines.size(), "a header and W1, b1, W2, b2");
    }

    @Test
    void weightsOfOneUnitArePictured() {
        TinyWorld w = new TinyWorld(Activation.LeakyRelu.SEED).hidden(
                new double[][] {{1, -1}, {0, 0}, {2, 0}}, new double[] {0.5, 0, 0});
        String out = w.run("weights W1 --neuron 0");
        assertTrue(out.contains("image; bias 0.500\n"), out);
        // weights (1, -1): both at the largest |w|, so full positive # and full negative %, as view weights draws them
        assertTrue(out.contains("+----+\n|##%%|\n+----+\n"), out);
        ShellError e = assertThrows(ShellError.class, () -> w.run("weights W1 --neuron 3"));
        assertTrue(e.getMessage().contains("0 to 2"), e.getMessage());
        assertThrows(ShellError.class, () -> w.run("weights W2 --neuron 0"));
        assertThrows(ShellError.class, () -> w.run("weights W9"));
    }

    @Test
    void weightsPngDrawsEveryFirstLayerUnit() throws Exception {
        TinyWorld w = new TinyWorld(Activation.LeakyRelu.SEED).hidden(
                new double[][] {{1, -1}, {0, 0}, {2, 0}}, new double[] {0, 0, 0});
        Path file = dir.resolve("w1.png");
        assertTrue(w.run("weights --png " + file).startsWith("wrote " + file));
        BufferedImage img = ImageIO.read(file.toFile());
        // three units of 1x2 pixels at zoom 4, one line apart: 3 * (8 + 1) + 1 wide, 4 + 2 high,
        // then the colour scale, the picture widened to take its labels
        assertEquals(ColourScale.MIN_WIDTH, img.getWidth());
        assertEquals(6 + ColourScale.HEIGHT, img.getHeight());
        assertTrue(w.run("weights --png " + file).contains("(" + ColourScale.MIN_WIDTH + "x"
                + (6 + ColourScale.HEIGHT) + " PNG)"));
        assertEquals(0x808080, img.getRGB(27, 3) & 0xFFFFFF, "the grid's last grey line at x 27");
        // one scale for every unit, the largest |w| of all, 2: a weight of +1 is half way to red,
        // 255 * (1 - 1/2) = 127.5, rounded to 128 of green and blue
        assertEquals(0xFF8080, img.getRGB(1, 1) & 0xFFFFFF, "unit 0, weight +1 of largest 2: light red");
        assertEquals(0x8080FF, img.getRGB(5, 1) & 0xFFFFFF, "unit 0, weight -1: light blue");
        assertEquals(0xFFFFFF, img.getRGB(10, 1) & 0xFFFFFF, "unit 1, all zero: white");
        assertEquals(0xFF0000, img.getRGB(19, 1) & 0xFFFFFF, "unit 2, weight +2, the largest: red");
        int[] strip = ScaleStrip.find(img, 6);
        assertTrue(strip[0] < strip[1], "under the grid the scale goes from blue (x " + strip[0] + ") to red (x "
                + strip[1] + ")");
        assertTrue(Files.size(file) > 0);
    }

    @Test
    void predictShowsTheTenProbabilitiesAsBars() {
        String out = new TinyWorld(Activation.LeakyRelu.SEED).alwaysPredicts(3).run("predict 6");
        // logits 5 for class 3 and 0 elsewhere: p = e^5 / (e^5 + 9) = 0.9428, the others 1 / (e^5 + 9) = 0.0064
        List<String> lines = out.lines().toList();
        assertEquals("image 6 (test set), label 4: predicted 3, WRONG", lines.get(0));
        assertEquals(11, lines.size());
        assertTrue(lines.get(4).startsWith("  3 " + "█".repeat(46) + "▎"), lines.get(4)); // 0.9428 * 392 = 370 eighths
        assertTrue(lines.get(4).endsWith(" 94.3% <- predicted"), lines.get(4));
        assertTrue(lines.get(5).endsWith("  0.6% <- label"), lines.get(5));
        assertTrue(lines.get(1).endsWith("  0.6%"), lines.get(1));
    }
}
