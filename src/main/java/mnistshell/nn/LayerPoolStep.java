package mnistshell.nn;

import java.util.Arrays;
import mnistshell.nn.layer.MaxPool;

/**
 * {@link MaxPool#forward} and {@link MaxPool#backward} on a chunk: each output the first largest
 * value of its 2x2 window read row by row (strictly larger replaces), which alone gets its gradient;
 * an odd last row or column is left out, as in the reference.
 */
final class LayerPoolStep extends LayerStep {
    private static final int SIZE = MaxPool.SIZE;
    private final int channels;
    private final int width;
    private final int outHeight;
    private final int outWidth;

    LayerPoolStep(int at, MaxPool layer) {
        super(at, layer.in(), layer.out());
        this.channels = layer.in().channels();
        this.width = layer.in().width();
        this.outHeight = layer.out().height();
        this.outWidth = layer.out().width();
    }

    @Override
    void reserve(LayerScratch s, int capacity) {
        s.chosen[at] = new int[capacity * outSize];
    }

    /** X: (count, H W C) → (count, Ho Wo C), keeping which input each output took. */
    @Override
    void forward(LayerScratch s) {
        double[] x = s.a[at];
        double[] o = s.a[at + 1];
        int[] chosen = s.chosen[at];
        for (int j = 0; j < s.count; j++) {
            int base = j * inSize;
            for (int oy = 0, k = j * outSize; oy < outHeight; oy++) {
                for (int ox = 0; ox < outWidth; ox++) {
                    int corner = (SIZE * oy * width + SIZE * ox) * channels;
                    for (int c = 0; c < channels; c++, k++) {
                        int best = base + corner + c;
                        for (int dy = 0; dy < SIZE; dy++) {
                            for (int dx = 0; dx < SIZE; dx++) {
                                int i = base + corner + (dy * width + dx) * channels + c;
                                if (x[i] > x[best]) {
                                    best = i;
                                }
                            }
                        }
                        chosen[k] = best;
                        o[k] = x[best];
                    }
                }
            }
        }
    }

    /** dOut: (count, Ho Wo C) → dX: (count, H W C), each output's gradient on the value it took, 0 elsewhere. */
    @Override
    void backward(LayerScratch s, LayerSlot slot, boolean inputGradient) {
        if (!inputGradient) {
            return;
        }
        double[] dx = s.d[at];
        double[] dOut = s.d[at + 1];
        int[] chosen = s.chosen[at];
        Arrays.fill(dx, 0, s.count * inSize, 0);
        for (int k = 0, n = s.count * outSize; k < n; k++) {
            dx[chosen[k]] += dOut[k];
        }
    }
}
