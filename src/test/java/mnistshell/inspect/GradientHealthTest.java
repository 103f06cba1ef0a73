package mnistshell.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import mnistshell.train.UpdateSizes;
import org.junit.jupiter.api.Test;

/** The warnings of grads, on update sizes made up by hand for one tensor. */
class GradientHealthTest {

    static UpdateSizes sizes(int update, double gradient, double step, double weights) {
        return new UpdateSizes(update, new double[] {gradient}, new double[] {step}, new double[] {weights});
    }

    static List<String> warnings(UpdateSizes... recent) {
        return GradientHealth.warnings(List.of("dW1"), List.of(recent));
    }

    @Test
    void healthyGradientsWarnOfNothing() {
        assertEquals(List.of(), warnings(sizes(1, 0.5, 0.05, 4), sizes(2, 0.4, 0.04, 4), sizes(3, 0.3, 0.03, 4)));
    }

    @Test
    void aGradientTinyAgainstItsWeightsOnEveryUpdateIsVanishing() {
        // 1e-9 against weights of size 4 is 2.5e-10 of them, under 1e-7
        assertEquals(List.of("dW1: vanishing: under 1e-07 of |W1| on each of the last 3 updates"),
                warnings(sizes(1, 1e-9, 1e-10, 4), sizes(2, 1e-9, 1e-10, 4), sizes(3, 1e-9, 1e-10, 4)));
        assertEquals(List.of(), warnings(sizes(1, 1e-9, 1e-10, 4), sizes(2, 1e-9, 1e-10, 4)), "two updates are not several");
        assertEquals(List.of(), warnings(sizes(1, 0.5, 0.05, 4), sizes(2, 1e-9, 1e-10, 4), sizes(3, 1e-9, 1e-10, 4)));
    }

    @Test
    void aGradientThatGrowsTenfoldPastItsWeightsIsExploding() {
        assertEquals(List.of("dW1: exploding: |dW1| grew from 0.500 to 8.00 in 3 updates, above |W1|"),
                warnings(sizes(1, 0.5, 0.05, 4), sizes(2, 2, 0.2, 4), sizes(3, 8, 0.08, 4)));
    }

    @Test
    void updatesThatMoveTheWeightsByOverATenthAreExploding() {
        assertEquals(List.of("dW1: exploding: each of the last 3 updates changed W1 by over 10% of its size"),
                warnings(sizes(1, 1, 0.5, 4), sizes(2, 1, 0.5, 4), sizes(3, 1, 0.5, 4)));
        assertEquals(List.of(), GradientHealth.warnings(List.of("db1"),
                List.of(sizes(1, 1, 0.5, 4), sizes(2, 1, 0.5, 4), sizes(3, 1, 0.5, 4))), "not for biases");
    }

    @Test
    void nonFiniteValuesAreNamed() {
        assertEquals(List.of("dW1: NaN or infinite at update 2"), warnings(sizes(1, 1, 0.1, 4), sizes(2, Double.NaN, 0, 4)));
    }

    static UpdateSizes layers(int update, double dW1, double dW2) {
        return new UpdateSizes(update, new double[] {dW1, 1, dW2, 1}, new double[] {1e-3, 1e-3, 1e-3, 1e-3},
                new double[] {1, 1, 1, 1});
    }

    static List<GradientHealth.Warning> flow(UpdateSizes... recent) {
        return GradientHealth.advised(List.of("dW1", "db1", "dW2", "db2"), List.of(recent));
    }

    @Test
    void layersWhoseGradientsAreFarApartOnEveryUpdateAreNamedWithTheirRatio() {
        assertEquals(List.of(new GradientHealth.Warning("dW1's norm is 3.1e3 times smaller than dW2's: vanishing gradient",
                GradientHealth.TRY_VANISHING)), flow(layers(1, 1e-4, 0.3), layers(2, 1e-4, 0.31), layers(3, 1e-4, 0.3123)));
        assertEquals(List.of(new GradientHealth.Warning("dW1's norm is 5.0e2 times larger than dW2's: exploding gradient",
                GradientHealth.TRY_EXPLODING)), flow(layers(1, 50, 0.1), layers(2, 50, 0.1), layers(3, 50, 0.1)));
        assertEquals(List.of(), flow(layers(1, 1e-4, 0.3), layers(2, 0.1, 0.3), layers(3, 1e-4, 0.3)),
                "one update of three within 100x");
        assertEquals(List.of(), flow(layers(1, 0.01, 0.9), layers(2, 0.01, 0.9), layers(3, 0.01, 0.9)), "90x is not 100x");
        assertEquals(List.of(), flow(layers(1, 1e-4, 0.3), layers(2, 1e-4, 0.3)), "two updates are not several");
    }

    @Test
    void aZeroGradientAgainstALiveOneIsVanishing() {
        assertEquals("dW1's norm is 0, dW2's is not: vanishing gradient",
                flow(layers(1, 0, 0.3), layers(2, 0, 0.3), layers(3, 0, 0.3)).get(1).text(),
                "after dW1's own vanishing warning");
    }
}
