package mnistshell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import mnistshell.inspect.FeatureMaps;
import mnistshell.inspect.FeatureMaps.Stage;
import mnistshell.nn.Activation;
import mnistshell.nn.Init;
import mnistshell.nn.layer.LayerSpec;
import mnistshell.nn.layer.Sequential;
import mnistshell.nn.layer.Shape;
import org.junit.jupiter.api.Test;

/** Feature maps as text: a block's character by hand, each layer's header and pictures, 80 columns. */
class FeatureMapTextTest {

    @Test
    void aCharacterIsTheMeanOfItsBlockOnTheLayersScale() {
        // 0 4.5 5.5 / 3.5 0 3.5 / 4.5 1.5 0.5 on a scale of 5.5, a character for 2 rows x 1 column:
        // (0 + 3.5) / 2 = 1.75 → round(1.27) = 1 '.'; 2.25 → 2 '+'; 4.5 → 3 '*';
        // the last row alone: 4.5 → '*', 1.5 → round(1.09) = 1 '.', 0.5 → 0 ' '
        double[] map = {0, 4.5, 5.5, 3.5, 0, 3.5, 4.5, 1.5, 0.5};
        assertEquals(List.of(".+*", "*. "), FeatureMapText.picture(map, 3, 3, 1, 5.5));
        // step 2: a character for 4 rows x 2 columns, the 3 rows there are: (0 + 4.5 + 3.5 + 0 + 4.5 + 1.5) / 6
        // = 2.33 → round(1.70) = 2 '+'; the last column (5.5 + 3.5 + 0.5) / 3 = 3.17 → round(2.30) = 2 '+'
        assertEquals(List.of("++"), FeatureMapText.picture(map, 3, 3, 2, 5.5));
    }

    @Test
    void mapsWiderThanSixteenAreHalved() {
        assertEquals(2, FeatureMapText.step(28));
        assertEquals(2, FeatureMapText.step(24));
        assertEquals(1, FeatureMapText.step(16));
        assertEquals(1, FeatureMapText.step(12));
        assertEquals(7, FeatureMapText.step(100));
    }

    @Test
    void eachLayerHasItsHeaderAndEveryLineFitsEightyColumns() {
        Sequential net = LayerSpec.parse("conv8k5-pool2-conv16k5-pool2-drop0.25-64-10", Shape.image(28, 28), 10,
                Activation.LeakyRelu.SEED);
        net.initialise(Init.HE, 2);
        Random random = new Random(3);
        double[] x = new double[784];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextInt(3) == 0 ? random.nextDouble() : 0;
        }
        FeatureMaps maps = FeatureMaps.of(net, x);
        List<String> lines = FeatureMapText.of(maps, 80);
        lines.forEach(l -> assertTrue(l.length() <= 80, l));
        Stage conv1 = maps.stages().get(0);
        int at = lines.indexOf("layer 1 conv8k5: conv 5x5 valid, leaky-relu(0.01), out 8x24x24");
        assertTrue(at > 0, String.join("\n", lines));
        assertEquals("  min " + Numbers.brief(conv1.min()) + ", max " + Numbers.brief(conv1.max())
                + "; a character the mean of 4 rows x 2 columns", lines.get(at + 1));
        // 24x24 at step 2: 12 characters by 6 lines; (80 + 2) / 14 = 5 a row, so 5 then 3: two rows of
        // 6 lines, a line of captions (centred in 12) and a blank line each, then the pooling's header
        assertEquals("     0             1             2             3             4", lines.get(at + 8));
        assertEquals("", lines.get(at + 9));
        assertEquals("     5             6             7", lines.get(at + 16));
        assertEquals("layer 2 pool2: max pool 2x2, out 8x12x12", lines.get(at + 18));
        assertTrue(lines.contains("layer 2 pool2: max pool 2x2, out 8x12x12"));
        assertTrue(lines.contains("layer 3 conv16k5: conv 5x5 valid, leaky-relu(0.01), out 16x8x8"));
        assertTrue(lines.contains("layer 4 pool2: max pool 2x2, out 16x4x4"));
        assertTrue(lines.contains("layer 5 drop0.25: dropout 0.25, the identity outside training"));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("layer 6: 64 units, leaky-relu(0.01); outputs up to")));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("  most for class " + maps.predicted() + ": unit ")));
        assertTrue(lines.contains("layer 7: 10 logits; predicted " + maps.predicted() + " ("
                + Numbers.percent(maps.probability()) + ")"));
        assertEquals("input: the image, 1x28x28", lines.get(0));
        assertTrue(lines.get(1).startsWith("  min 0, max "), lines.get(1));
        assertEquals(2 + 7, at, "the input's picture: 28 rows / 4 = 7 lines, no caption for one channel");
    }
}
