package mnistshell.nn;

import java.util.Arrays;
import mnistshell.nn.layer.Conv;

/**
 * {@link Conv#forward} and {@link Conv#backward} on a chunk, as im2col and matrix products. The
 * patches are (count Ho Wo, C_in k k): a row per output position of each sample, its entries in
 * the order of a filter's weights (c_in, dy, dx), 0 in the padding. Then Z (count Ho Wo, C) =
 * patches Wᵀ + b is the output itself, position-major as every boundary is (see {@link LayerStep}).
 */
final class LayerConvStep extends LayerParamStep {
    private final Conv layer;
    private final int kernel;
    private final int channels;
    private final int height;
    private final int width;
    private final int outHeight;
    private final int outWidth;
    private final int positions;
    private final int top;
    private final int left;

    LayerConvStep(int at, Conv layer, int param) {
        super(at, layer.in(), layer.out(), param, layer.params().get(0), layer.params().get(1));
        this.layer = layer;
        this.kernel = layer.kernel();
        this.channels = layer.in().channels();
        this.height = layer.in().height();
        this.width = layer.in().width();
        this.outHeight = layer.out().height();
        this.outWidth = layer.out().width();
        this.positions = outHeight * outWidth;
        this.top = layer.padding().before(kernel);
        this.left = layer.padding().before(kernel);
    }

    @Override
    void reserve(LayerScratch s, int capacity) {
        s.z[at] = new double[capacity * outSize];
        s.patches[at] = new double[capacity * positions * columns];
    }

    /** X → patches (count Ho Wo, C_in k k) → Z = patches Wᵀ + b, A = act(Z): (count Ho Wo, C). */
    @Override
    void forward(LayerScratch s) {
        double[] patches = s.patches[at];
        unfold(s.a[at], patches, s.count);
        double[] z = s.z[at];
        s.products.multiply(patches, columns, 1, wt, rows, z, s.count * positions, columns);
        biasAndActivation(z, b, rows, layer.activation(), s.a[at + 1], s.count * outSize);
    }

    /**
     * dA → dZ = dA ⊙ act'(Z): (count Ho Wo, C); dW = dZᵀ patches (C, C_in k k), db = dZ's column
     * sums; dPatches = dZ W, into the patches' own buffer (dW has read them), folded back onto dX.
     */
    @Override
    void backward(LayerScratch s, LayerSlot slot, boolean inputGradient) {
        int n = s.count * outSize;
        double[] dz = s.d[at + 1];
        throughActivation(dz, s.z[at], layer.activation(), n);
        double[] patches = s.patches[at];
        s.products.multiply(dz, 1, rows, patches, columns, slot.dW[param()], rows, s.count * positions);
        channelSums(dz, rows, n, slot.db[param()]);
        if (inputGradient) {
            s.products.multiply(dz, rows, 1, w, columns, patches, s.count * positions, rows);
            fold(patches, s.d[at], s.count);
        }
    }

    /** X: (count, H W C_in) → patches: (count Ho Wo, C_in k k). */
    private void unfold(double[] x, double[] patches, int count) {
        for (int j = 0; j < count; j++) {
            int base = j * inSize;
            for (int oy = 0; oy < outHeight; oy++) {
                for (int ox = 0; ox < outWidth; ox++) {
                    int row = ((j * outHeight + oy) * outWidth + ox) * columns;
                    for (int c = 0, r = row; c < channels; c++) {
                        for (int dy = 0; dy < kernel; dy++) {
                            int iy = oy + dy - top;
                            boolean rowInside = iy >= 0 && iy < height;
                            for (int dx = 0; dx < kernel; dx++, r++) {
                                int ix = ox + dx - left;
                                patches[r] = rowInside && ix >= 0 && ix < width
                                        ? x[base + (iy * width + ix) * channels + c] : 0;
                            }
                        }
                    }
                }
            }
        }
    }

    /** dPatches: (count Ho Wo, C_in k k) → dX: (count, H W C_in), each input the sum of its copies' gradients. */
    private void fold(double[] dPatches, double[] dx, int count) {
        Arrays.fill(dx, 0, count * inSize, 0);
        for (int j = 0; j < count; j++) {
            int base = j * inSize;
            for (int oy = 0; oy < outHeight; oy++) {
                for (int ox = 0; ox < outWidth; ox++) {
                    int row = ((j * outHeight + oy) * outWidth + ox) * columns;
                    for (int c = 0, r = row; c < channels; c++) {
                        for (int dy = 0; dy < kernel; dy++) {
                            int iy = oy + dy - top;
                            boolean rowInside = iy >= 0 && iy < height;
                            for (int dx0 = 0; dx0 < kernel; dx0++, r++) {
                                int ix = ox + dx0 - left;
                                if (rowInside && ix >= 0 && ix < width) {
                                    dx[base + (iy * width + ix) * channels + c] += dPatches[r];
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
