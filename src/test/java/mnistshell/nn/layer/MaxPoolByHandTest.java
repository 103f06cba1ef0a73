package mnistshell.nn.layer;

import static mnistshell.nn.layer.Samples.assertColumn;
import static mnistshell.nn.layer.Samples.columns;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.la4j.Matrix;

/** 2x2 max pooling on maps small enough to follow by eye, ties included. */
class MaxPoolByHandTest {

    /**
     * Windows: top left {1, 3, 0, 2}: 3; top right {2, 2, 1, 0}: a tie, the first 2 at (0,2) wins;
     * bottom left {5, 1, 5, 0}: a tie, the 5 at (2,0) wins; bottom right {0, -1, -2, -1}: 0.
     */
    static final double[][] MAP = {
        {1, 3, 2, 2},
        {0, 2, 1, 0},
        {5, 1, 0, -1},
        {5, 0, -2, -1}};

    @Test
    void forwardTakesEachWindowsLargest() {
        MaxPool pool = new MaxPool(new Shape(1, 4, 4));
        assertEquals(new Shape(1, 2, 2), pool.out());
        assertColumn(new double[] {3, 2, 5, 0}, pool.forward(columns(MAP), Pass.evaluation()), 0, 0);
    }

    @Test
    void backwardRoutesEachGradientToTheFirstMaximum() {
        MaxPool pool = new MaxPool(new Shape(1, 4, 4));
        pool.forward(columns(MAP), Pass.evaluation());
        Matrix dx = pool.backward(columns(new double[][] {{10, 20}, {30, 40}}));
        assertColumn(new double[] {
            0, 10, 20, 0,
            0, 0, 0, 0,
            30, 0, 40, 0,
            0, 0, 0, 0}, dx, 0, 0);
    }

    @Test
    void anOddSideDropsTheLastRowAndColumnAndChannelsStayApart() {
        // two channels of 5x5 -> 2x2 each; the 9s sit in the dropped row and column
        double[][] c0 = {
            {1, 0, 0, 0, 9},
            {0, 0, 0, 2, 9},
            {0, 0, 0, 0, 9},
            {0, 3, 4, 0, 9},
            {9, 9, 9, 9, 9}};
        double[][] c1 = {
            {-1, -2, -3, -4, 9},
            {-5, -6, -7, -8, 9},
            {-1, -1, 7, 0, 9},
            {-1, -1, 0, 0, 9},
            {9, 9, 9, 9, 9}};
        MaxPool pool = new MaxPool(new Shape(2, 5, 5));
        assertEquals(new Shape(2, 2, 2), pool.out());
        Matrix x = Samples.matrix(new double[][] {Samples.flatten(c0, c1)});
        assertColumn(new double[] {1, 2, 3, 4, -1, -3, -1, 7}, pool.forward(x, Pass.evaluation()), 0, 0);
        Matrix dx = pool.backward(Samples.matrix(new double[][] {{1, 2, 3, 4, 5, 6, 7, 8}}));
        double[] expected = new double[50];
        expected[0] = 1;           // c0 (0,0)
        expected[5 + 3] = 2;       // c0 (1,3)
        expected[15 + 1] = 3;      // c0 (3,1)
        expected[15 + 2] = 4;      // c0 (3,2)
        expected[25] = 5;          // c1 (0,0)
        expected[25 + 2] = 6;      // c1 (0,2)
        expected[25 + 10] = 7;     // c1 (2,0): the first of four -1s
        expected[25 + 12] = 8;     // c1 (2,2)
        assertColumn(expected, dx, 0, 0);
    }

    @Test
    void aMapSmallerThanTheWindowIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MaxPool(new Shape(16, 1, 1)));
        assertEquals("2x2 pooling needs a map of at least 2x2, found 16x1x1", e.getMessage());
    }
}
