package mnistshell.nn.layer;

import org.la4j.Matrix;
import org.la4j.matrix.dense.Basic2DMatrix;

/**
 * im2col and its adjoint col2im for a stride-1 k x k convolution. The patches of a batch form one
 * matrix of (C_in k k, m Ho Wo): row {@code (c, dy, dx)}, c-major then dy then dx (the order of a
 * filter's weights in its row of W), and column {@code j Ho Wo + oy Wo + ox}, sample j's output
 * position (oy, ox). Entry: the input value at (c, oy + dy - top, ox + dx - left), 0 in the padding.
 */
final class Patches {

    private final Shape in;
    private final int kernel;
    private final int top;
    private final int left;
    private final int outHeight;
    private final int outWidth;

    Patches(Shape in, int kernel, Padding padding) {
        this.in = in;
        this.kernel = kernel;
        this.top = padding.before(kernel);
        this.left = padding.before(kernel);
        this.outHeight = padding.outSize(in.height(), kernel);
        this.outWidth = padding.outSize(in.width(), kernel);
    }

    /** Output positions per sample, Ho Wo. */
    int positions() {
        return outHeight * outWidth;
    }

    /** X: (C_in H W, m) → patches: (C_in k k, m Ho Wo). */
    Matrix unfold(Matrix x) {
        int m = x.columns();
        double[][] p = new double[in.channels() * kernel * kernel][m * positions()];
        for (int j = 0; j < m; j++) {
            for (int oy = 0; oy < outHeight; oy++) {
                for (int ox = 0; ox < outWidth; ox++) {
                    int col = j * positions() + oy * outWidth + ox;
                    for (int r = 0; r < p.length; r++) {
                        int iy = iy(r, oy);
                        int ix = ix(r, ox);
                        if (inside(iy, ix)) {
                            p[r][col] = x.get(in.index(r / (kernel * kernel), iy, ix), j);
                        }
                    }
                }
            }
        }
        return Basic2DMatrix.from2DArray(p);
    }

    /**
     * dPatches: (C_in k k, m Ho Wo) → dX: (C_in H W, m), each input value receiving the sum of
     * the entries it was copied to by {@link #unfold} (overlapping patches add up).
     */
    Matrix fold(Matrix dPatches, int m) {
        double[][] dx = new double[in.size()][m];
        for (int j = 0; j < m; j++) {
            for (int oy = 0; oy < outHeight; oy++) {
                for (int ox = 0; ox < outWidth; ox++) {
                    int col = j * positions() + oy * outWidth + ox;
                    for (int r = 0; r < dPatches.rows(); r++) {
                        int iy = iy(r, oy);
                        int ix = ix(r, ox);
                        if (inside(iy, ix)) {
                            dx[in.index(r / (kernel * kernel), iy, ix)][j] += dPatches.get(r, col);
                        }
                    }
                }
            }
        }
        return Basic2DMatrix.from2DArray(dx);
    }

    private int iy(int row, int oy) {
        return oy + (row / kernel) % kernel - top;
    }

    private int ix(int row, int ox) {
        return ox + row % kernel - left;
    }

    private boolean inside(int iy, int ix) {
        return iy >= 0 && iy < in.height() && ix >= 0 && ix < in.width();
    }
}
