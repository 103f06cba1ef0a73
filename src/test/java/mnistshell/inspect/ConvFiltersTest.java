package mnistshell.inspect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import mnistshell.nn.Activation;
import mnistshell.nn.layer.Conv;
import mnistshell.nn.layer.Dense;
import mnistshell.nn.layer.LayerSpec;
import mnistshell.nn.layer.MaxPool;
import mnistshell.nn.layer.Padding;
import mnistshell.nn.layer.Sequential;
import mnistshell.nn.layer.Shape;
import org.junit.jupiter.api.Test;

/** A filter's row of W cut into its input channels' k x k slices, and their mean, by hand. */
class ConvFiltersTest {

    /** Two channels, two 2x2 filters: row f of W is channel 0's 4 weights, then channel 1's. */
    private static Sequential twoChannels() {
        Conv conv = new Conv(new Shape(2, 4, 4), 2, 2, Padding.VALID, Activation.LeakyRelu.SEED);
        TinyConvNet.set(conv.params().get(0), new double[][] {{1, -1, 2, 0, 0, 0, 0, 1}, {0, 0, 0, 0, 1, 1, 1, 1}});
        MaxPool pool = new MaxPool(conv.out());
        return new Sequential(conv.in(), List.of(conv, pool, new Dense(pool.out(), 3, null)));
    }

    @Test
    void slicesAreTheChannelsRunsOfTheFiltersRow() {
        ConvFilters f = ConvFilters.of(twoChannels(), 1);
        assertEquals(2, f.filters());
        assertEquals(2, f.channels());
        assertEquals(2, f.kernel());
        assertEquals(1, f.layer());
        assertEquals("conv2k2", f.token());
        assertArrayEquals(new double[] {1, -1, 2, 0}, f.slices()[0][0]);
        assertArrayEquals(new double[] {0, 0, 0, 1}, f.slices()[0][1]);
        assertArrayEquals(new double[] {0, 0, 0, 0}, f.slices()[1][0]);
        assertArrayEquals(new double[] {1, 1, 1, 1}, f.slices()[1][1]);
        // the mean over the two channels: (1+0)/2, (-1+0)/2, (2+0)/2, (0+1)/2
        assertArrayEquals(new double[] {0.5, -0.5, 1, 0.5}, f.mean(0));
        assertArrayEquals(new double[] {0.5, 0.5, 0.5, 0.5}, f.mean(1));
        assertArrayEquals(f.slices()[1][1], f.allSlices()[3]);
    }

    @Test
    void theSlicesAreCopies() {
        Sequential net = twoChannels();
        ConvFilters f = ConvFilters.of(net, 1);
        f.slices()[0][0][0] = 99;
        assertEquals(1, net.layers().get(0).params().get(0).values()[0][0]);
    }

    @Test
    void layersAreCountedByTheirWeightsAsViewWeightsCountsThem() {
        Sequential net = LayerSpec.parse("conv8k5-pool2-conv16k5-pool2-64-10", Shape.image(28, 28), 10,
                Activation.LeakyRelu.SEED);
        assertEquals(List.of(1, 2), ConvFilters.convolutions(net));
        ConvFilters second = ConvFilters.of(net, 2);
        assertEquals(3, second.layer()); // conv, pool, conv: the third layer of the stack
        assertEquals(16, second.filters());
        assertEquals(8, second.channels());
        assertEquals(5, second.kernel());
        assertNull(ConvFilters.of(net, 3)); // W3 is the dense 64
        assertThrows(IllegalArgumentException.class, () -> ConvFilters.of(net, 5));
    }
}
