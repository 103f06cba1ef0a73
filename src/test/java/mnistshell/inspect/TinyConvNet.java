package mnistshell.inspect;

import java.util.List;
import mnistshell.nn.Activation;
import mnistshell.nn.layer.Conv;
import mnistshell.nn.layer.Dense;
import mnistshell.nn.layer.MaxPool;
import mnistshell.nn.layer.Padding;
import mnistshell.nn.layer.Param;
import mnistshell.nn.layer.Sequential;
import mnistshell.nn.layer.Shape;

/**
 * A net small enough to work out by hand: a 4x4 image, a convolution of two 2x2 filters, 2x2
 * pooling (3x3 → 1x1: the top-left window), a hidden dense layer of 2 and 3 logits.
 * <ul>
 * <li>filter 0, weights all -1 and bias -0.5: dead by construction, as every pixel is ≥ 0;
 * <li>filter 1, K = [[1, -1], [2, 0]] and bias 0.5: alive (ConvByHandTest's filter).
 * </ul>
 */
final class TinyConvNet {

    /** The image X, row by row, all pixels ≥ 0. */
    static final double[] X = {
        1, 2, 0, 1,
        0, 1, 3, 2,
        2, 0, 1, 1,
        1, 1, 0, 2};

    private TinyConvNet() {
    }

    static Sequential of(Activation act) {
        Shape in = Shape.image(4, 4);
        Conv conv = new Conv(in, 2, 2, Padding.VALID, act);
        set(conv.params().get(0), new double[][] {{-1, -1, -1, -1}, {1, -1, 2, 0}});
        set(conv.params().get(1), new double[][] {{-0.5}, {0.5}});
        MaxPool pool = new MaxPool(conv.out());
        Dense hidden = new Dense(pool.out(), 2, act);
        set(hidden.params().get(0), new double[][] {{1, 1}, {0, -1}});
        set(hidden.params().get(1), new double[][] {{0}, {1}});
        Dense logits = new Dense(hidden.out(), 3, null);
        set(logits.params().get(0), new double[][] {{1, 0}, {0, 1}, {-1, 2}});
        set(logits.params().get(1), new double[][] {{0}, {0}, {0}});
        return new Sequential(in, List.of(conv, pool, hidden, logits));
    }

    static void set(Param p, double[][] values) {
        for (int i = 0; i < values.length; i++) {
            System.arraycopy(values[i], 0, p.values()[i], 0, values[i].length);
        }
    }
}
