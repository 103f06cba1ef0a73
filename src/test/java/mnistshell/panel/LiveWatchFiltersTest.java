package mnistshell.panel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import mnistshell.data.Dataset;
import mnistshell.nn.Activation;
import mnistshell.nn.Init;
import mnistshell.nn.Network;
import mnistshell.nn.TestData;
import mnistshell.nn.layer.LayerSpec;
import mnistshell.nn.layer.Sequential;
import mnistshell.nn.layer.Shape;
import mnistshell.render.TrainScreen;
import mnistshell.train.LiveSnapshot;
import mnistshell.train.Settings;
import org.junit.jupiter.api.Test;

/** The live panel's units pane: a conv net's first filters, each k x k, as the snapshot has them. */
class LiveWatchFiltersTest {

    private static TrainScreen.Frame frameOf(String spec, Dataset data) {
        Sequential seq = LayerSpec.parse(spec, Shape.image(28, 28), 10, Activation.LeakyRelu.SEED);
        Network net = Network.layered(seq, Activation.LeakyRelu.SEED, Init.HE, 2);
        LiveWatch watch = new LiveWatch(data, new int[0], new int[0], 0, false);
        watch.add(new LiveSnapshot(1, 1, Settings.defaults(), 0.1, List.of(), List.of(), List.of(), List.of(), net,
                false, null, null), 0);
        return watch.frame(0, null);
    }

    @Test
    void theFirstConvolutionsFiltersAreTheUnits() {
        Dataset data = TestData.random(20, 28, 28, 1);
        TrainScreen.Frame frame = frameOf("conv4k5-pool2-10", data);
        assertTrue(frame.filters());
        assertEquals(4, frame.units().size());
        assertEquals(5, frame.unitRows());
        assertEquals(5, frame.unitCols());
        assertEquals(28, frame.pictureRows(), "the digits keep the images' size");
        Sequential again = LayerSpec.parse("conv4k5-pool2-10", Shape.image(28, 28), 10, Activation.LeakyRelu.SEED);
        again.initialise(Init.HE, 2);
        assertArrayEquals(again.params().get(0).values()[2], frame.units().get(2), 0,
                "one input channel: filter 2's weights as they are");
    }

    @Test
    void aLayeredNetWithoutAFirstConvolutionShowsItsPixelWeightsOrNothing() {
        Dataset data = TestData.random(20, 28, 28, 1);
        TrainScreen.Frame dense = frameOf("784-drop0.5-16-10", data);
        assertFalse(dense.filters());
        assertEquals(16, dense.units().size(), "W1 over the 784 pixels: pictures of the image");
        assertEquals(784, dense.units().get(0).length);
    }

    /** The layers pane's active column: a convolution's share of outputs above 0, a dense layer's of units. */
    @Test
    void theActiveColumnCountsFiltersAndUnits() {
        Dataset data = TestData.random(30, 28, 28, 5);
        Sequential seq = LayerSpec.parse("conv4k5-pool2-8-10", Shape.image(28, 28), 10, Activation.LeakyRelu.SEED);
        Network net = Network.layered(seq, Activation.LeakyRelu.SEED, Init.HE, 3);
        int[] sample = java.util.stream.IntStream.range(0, 30).toArray();
        LiveWatch watch = new LiveWatch(data, new int[0], sample, 0, false);
        watch.add(new LiveSnapshot(1, 1, Settings.defaults(), 0.1, List.of(), List.of(), List.of(), List.of(), net,
                false, null, null), 0);
        List<TrainScreen.Layer> layers = watch.frame(0, null).layers();
        assertEquals(List.of("W1", "W2", "W3"), layers.stream().map(TrainScreen.Layer::name).toList());
        mnistshell.inspect.LayeredActivity expected = mnistshell.inspect.LayeredActivity.of(seq, data, sample);
        assertArrayEquals(new double[] {expected.filters().get(0).meanActiveShare()}, layers.get(0).active(), 0);
        assertArrayEquals(new double[] {expected.units().get(0).meanActivePerImage()}, layers.get(1).active(), 0);
        assertEquals(0, layers.get(2).active().length, "the output layer has no share");
        assertTrue(expected.filters().get(0).meanActiveShare() > 0);
    }
}
