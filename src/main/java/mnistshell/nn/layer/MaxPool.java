package mnistshell.nn.layer;

import java.util.List;
import org.la4j.Matrix;
import org.la4j.matrix.dense.Basic2DMatrix;

/**
 * 2x2 max pooling, stride 2, channel by channel: C x H x W → C x floor(H/2) x floor(W/2). With an
 * odd size the last row (or column) is left out, as torch's {@code MaxPool2d(2)} does, and gets no
 * gradient. Within a window, read row by row, the first maximum wins: it alone gets the gradient.
 */
public final class MaxPool implements Layer {

    /** The window's side and the stride. */
    public static final int SIZE = 2;

    private final Shape in;
    private final Shape out;
    /** For each output value of each sample of the last forward, the input row it took: (out.size(), m). */
    private int[][] chosen;

    /** Needs a map of at least 2x2. */
    public MaxPool(Shape in) {
        if (in.height() < SIZE || in.width() < SIZE) {
            throw new IllegalArgumentException("2x2 pooling needs a map of at least 2x2, found "
                    + in.channels() + "x" + in.height() + "x" + in.width());
        }
        this.in = in;
        this.out = new Shape(in.channels(), in.height() / SIZE, in.width() / SIZE);
    }

    @Override
    public Shape in() {
        return in;
    }

    @Override
    public Shape out() {
        return out;
    }

    @Override
    public List<Param> params() {
        return List.of();
    }

    @Override
    public String token() {
        return "pool" + SIZE;
    }

    @Override
    public String kind() {
        return "max pool 2x2";
    }

    /** X: (C H W, m) → (C Ho Wo, m), each value the largest of its 2x2 window. */
    @Override
    public Matrix forward(Matrix x, Pass pass) {
        int m = x.columns();
        chosen = new int[out.size()][m];
        double[][] o = new double[out.size()][m];
        for (int j = 0; j < m; j++) {
            for (int c = 0; c < out.channels(); c++) {
                for (int oy = 0; oy < out.height(); oy++) {
                    for (int ox = 0; ox < out.width(); ox++) {
                        int best = firstMaximum(x, j, c, oy, ox);
                        int k = out.index(c, oy, ox);
                        chosen[k][j] = best;
                        o[k][j] = x.get(best, j);
                    }
                }
            }
        }
        return Basic2DMatrix.from2DArray(o);
    }

    /** The input row of the first largest value (strictly larger replaces) in window (oy, ox) of channel c. */
    private int firstMaximum(Matrix x, int j, int c, int oy, int ox) {
        int best = in.index(c, SIZE * oy, SIZE * ox);
        for (int dy = 0; dy < SIZE; dy++) {
            for (int dx = 0; dx < SIZE; dx++) {
                int row = in.index(c, SIZE * oy + dy, SIZE * ox + dx);
                if (x.get(row, j) > x.get(best, j)) {
                    best = row;
                }
            }
        }
        return best;
    }

    /** dOut: (C Ho Wo, m) → dX: (C H W, m), each output's gradient routed to the value it took, 0 elsewhere. */
    @Override
    public Matrix backward(Matrix dOut) {
        int m = dOut.columns();
        double[][] dx = new double[in.size()][m];
        for (int k = 0; k < out.size(); k++) {
            for (int j = 0; j < m; j++) {
                dx[chosen[k][j]][j] += dOut.get(k, j);
            }
        }
        return Basic2DMatrix.from2DArray(dx);
    }
}
