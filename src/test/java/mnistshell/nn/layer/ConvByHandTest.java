package mnistshell.nn.layer;

import static mnistshell.nn.layer.Samples.assertColumn;
import static mnistshell.nn.layer.Samples.assertRows;
import static mnistshell.nn.layer.Samples.columns;
import static mnistshell.nn.layer.Samples.set;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.la4j.Matrix;

/**
 * A 4x4 image and a 2x2 kernel, worked out by hand: every expected number is the sum of products
 * written beside it, not a run of the code under test. No activation, so the arithmetic is the
 * convolution's alone.
 */
class ConvByHandTest {

    static final double TOL = 1e-12;

    /** The image X, row by row. */
    static final double[][] X = {
        {1, 2, 0, 1},
        {0, 1, 3, 2},
        {2, 0, 1, 1},
        {1, 1, 0, 2}};
    /** The kernel K = [[1, -1], [2, 0]] and bias 0.5. */
    static final double[] K = {1, -1, 2, 0};

    private static Conv oneFilter(Padding padding) {
        Conv conv = new Conv(new Shape(1, 4, 4), 1, 2, padding, null);
        set(conv.params().get(0), new double[][] {K});
        set(conv.params().get(1), new double[][] {{0.5}});
        return conv;
    }

    @Test
    void validForward() {
        Conv conv = oneFilter(Padding.VALID);
        assertEquals(new Shape(1, 3, 3), conv.out());
        Matrix out = conv.forward(columns(X), Pass.evaluation());
        // out(oy, ox) = X(oy,ox) - X(oy,ox+1) + 2 X(oy+1,ox) + 0.5
        assertColumn(new double[] {
            1 - 2 + 0 + 0.5, 2 - 0 + 2 + 0.5, 0 - 1 + 6 + 0.5,
            0 - 1 + 4 + 0.5, 1 - 3 + 0 + 0.5, 3 - 2 + 2 + 0.5,
            2 - 0 + 2 + 0.5, 0 - 1 + 2 + 0.5, 1 - 1 + 0 + 0.5}, out, 0, TOL);
    }

    @Test
    void validBackward() {
        Conv conv = oneFilter(Padding.VALID);
        conv.forward(columns(X), Pass.evaluation());
        // dOut G: 1 at (0,0), 2 at (1,1), -1 at (2,2)
        Matrix dx = conv.backward(columns(new double[][] {{1, 0, 0}, {0, 2, 0}, {0, 0, -1}}));
        // dW(d) = X(d) + 2 X((1,1)+d) - X((2,2)+d)
        assertRows(new double[][] {{1 + 2 * 1 - 1, 2 + 2 * 3 - 1, 0 + 0 - 0, 1 + 2 * 1 - 2}},
                conv.params().get(0).gradient(), TOL);
        assertRows(new double[][] {{1 + 2 - 1}}, conv.params().get(1).gradient(), TOL);
        // dX: K at (0,0), 2K at (1,1), -K at (2,2), overlapping entries added
        assertColumn(new double[] {
            1, -1, 0, 0,
            2, 0 + 2, -2, 0,
            0, 4, 0 - 1, 1,
            0, 0, -2, 0}, dx, 0, TOL);
    }

    @Test
    void samePaddingPadsAfterForAnEvenKernel() {
        Conv conv = oneFilter(Padding.SAME);
        assertEquals(new Shape(1, 4, 4), conv.out());
        Matrix out = conv.forward(columns(X), Pass.evaluation());
        // as valid inside; column 3 sees zeros to its right: X(oy,3) + 2 X(oy+1,3);
        // row 3 zeros below: X(3,ox) - X(3,ox+1); (3,3): X(3,3) alone
        assertColumn(new double[] {
            -0.5, 4.5, 5.5, 1 + 2 * 2 + 0.5,
            3.5, -1.5, 3.5, 2 + 2 * 1 + 0.5,
            4.5, 1.5, 0.5, 1 + 2 * 2 + 0.5,
            1 - 1 + 0.5, 1 - 0 + 0.5, 0 - 2 + 0.5, 2 + 0.5}, out, 0, TOL);
    }

    @Test
    void samePaddingBackward() {
        Conv conv = oneFilter(Padding.SAME);
        conv.forward(columns(X), Pass.evaluation());
        // dOut: 1 at (0,3) and 1 at (3,3), where the windows reach into the padding
        Matrix dx = conv.backward(columns(new double[][] {{0, 0, 0, 1}, {0, 0, 0, 0}, {0, 0, 0, 0}, {0, 0, 0, 1}}));
        // dW00 = X(0,3) + X(3,3); dW01 = 0 (padding) ; dW10 = X(1,3) ; dW11 = 0
        assertRows(new double[][] {{1 + 2, 0, 2, 0}}, conv.params().get(0).gradient(), TOL);
        assertRows(new double[][] {{2}}, conv.params().get(1).gradient(), TOL);
        // dX: K00 at (0,3), K10 at (1,3), K00 at (3,3); the rest of K fell on padding
        assertColumn(new double[] {0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 1}, dx, 0, TOL);
    }

    /** Channel 1 of the two-channel image: the identity. */
    static final double[][] Y = {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}};

    /**
     * Filter A: K on channel 0 and [[0, 0], [0, 1]] on channel 1, bias 0.5; filter B: nothing on
     * channel 0 and ones on channel 1, bias -1. Two samples: the image, and twice the image.
     */
    private static Conv twoByTwo() {
        Conv conv = new Conv(new Shape(2, 4, 4), 2, 2, Padding.VALID, null);
        set(conv.params().get(0), new double[][] {{1, -1, 2, 0, 0, 0, 0, 1}, {0, 0, 0, 0, 1, 1, 1, 1}});
        set(conv.params().get(1), new double[][] {{0.5}, {-1}});
        return conv;
    }

    @Test
    void twoChannelsTwoFiltersForward() {
        Conv conv = twoByTwo();
        assertEquals(new Shape(2, 3, 3), conv.out());
        Matrix out = conv.forward(twoSamples(), Pass.evaluation());
        // A: the one-filter values plus Y(oy+1, ox+1), 1 on the diagonal;
        // B: how many of the window's 4 pixels of Y are on the diagonal, minus 1
        double[] expected = {
            -0.5 + 1, 4.5, 5.5, 3.5, -1.5 + 1, 3.5, 4.5, 1.5, 0.5 + 1,
            2 - 1, 1 - 1, 0 - 1, 1 - 1, 2 - 1, 1 - 1, 0 - 1, 1 - 1, 2 - 1};
        assertColumn(expected, out, 0, TOL);
        // sample 2 is 2X: A's convolution part doubles, bias and all; B (channel 1 only) sees 2Y
        double[] doubled = {
            2 * -1 + 2 + 0.5, 2 * 4 + 0.5, 2 * 5 + 0.5, 2 * 3 + 0.5, 2 * -2 + 2 + 0.5, 2 * 3 + 0.5,
            2 * 4 + 0.5, 2 * 1 + 0.5, 2 * 0 + 2 + 0.5,
            4 - 1, 2 - 1, -1, 2 - 1, 4 - 1, 2 - 1, -1, 2 - 1, 4 - 1};
        assertColumn(doubled, out, 1, TOL);
    }

    @Test
    void twoChannelsTwoFiltersBackwardIsTheMeanOverSamples() {
        Conv conv = twoByTwo();
        conv.forward(twoSamples(), Pass.evaluation());
        // each sample's dOut: filter A gets 1, 2, -1 down its diagonal; filter B 1 at (0,0)
        double[] g = {1, 0, 0, 0, 2, 0, 0, 0, -1, 1, 0, 0, 0, 0, 0, 0, 0, 0};
        Matrix dx = conv.backward(Samples.matrix(new double[][] {g, g}));
        // per sample 1: A's channel 0 as validBackward, its channel 1 = Y(d) + 2 Y((1,1)+d) - Y((2,2)+d);
        // B's channels = the (0,0) window of X and of Y. Sample 2 (2X, 2Y) gives twice as much:
        // the mean is 1.5 times sample 1's.
        double[][] dW1 = {{2, 7, 0, 1, 1 + 2 - 1, 0, 0, 1 + 2 - 1}, {1, 2, 0, 1, 1, 0, 0, 1}};
        double[][] mean = new double[2][8];
        for (int f = 0; f < 2; f++) {
            for (int i = 0; i < 8; i++) {
                mean[f][i] = (dW1[f][i] + 2 * dW1[f][i]) / 2;
            }
        }
        assertRows(mean, conv.params().get(0).gradient(), TOL);
        assertRows(new double[][] {{1 + 2 - 1}, {1}}, conv.params().get(1).gradient(), TOL);
        // dX (the same for both samples: the layer is linear in X): channel 0 as validBackward;
        // channel 1: A puts 1, 2, -1 at (1,1), (2,2), (3,3), B puts ones on the (0,0) window
        double[] dxExpected = {
            1, -1, 0, 0, 2, 2, -2, 0, 0, 4, -1, 1, 0, 0, -2, 0,
            1, 1, 0, 0, 1, 1 + 1, 0, 0, 0, 0, 2, 0, 0, 0, 0, -1};
        assertColumn(dxExpected, dx, 0, TOL);
        assertColumn(dxExpected, dx, 1, TOL);
    }

    private static Matrix twoSamples() {
        double[] one = Samples.flatten(X, Y);
        double[] two = new double[one.length];
        for (int i = 0; i < one.length; i++) {
            two[i] = 2 * one[i];
        }
        return Samples.matrix(new double[][] {one, two});
    }
}
