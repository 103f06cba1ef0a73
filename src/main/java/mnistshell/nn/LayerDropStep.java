package mnistshell.nn;

import mnistshell.nn.layer.Dropout;

/**
 * {@link Dropout#forward} and {@link Dropout#backward} on a chunk: in training each sample's
 * factors are the reference's own ({@link Dropout#factors}, a function of the seed, the update,
 * the sample's index in the dataset and the layer's place), so any chunking on any threads draws
 * the same mask; in evaluation the identity.
 */
final class LayerDropStep extends LayerStep {
    private final Dropout layer;
    /** Where unit u (reference order) lies at the boundary; null when that is u itself. */
    private final int[] order;

    LayerDropStep(int at, Dropout layer) {
        super(at, layer.in(), layer.out());
        this.layer = layer;
        this.order = positionMajor(layer.in());
    }

    @Override
    void reserve(LayerScratch s, int capacity) {
        s.factors[at] = new double[capacity * inSize];
        if (s.units.length < inSize) {
            s.units = new double[inSize];
        }
    }

    /** X → X ⊙ factors in training, X in evaluation: (count, size). */
    @Override
    void forward(LayerScratch s) {
        double[] x = s.a[at];
        double[] y = s.a[at + 1];
        int n = s.count * inSize;
        if (!s.training) {
            System.arraycopy(x, 0, y, 0, n);
            return;
        }
        double[] f = s.factors[at];
        double[] units = s.units;
        for (int j = 0, base = 0; j < s.count; j++, base += inSize) {
            layer.factors(s.seed, s.update, s.samples[s.from + j], units, 0);
            for (int u = 0; u < inSize; u++) {
                f[base + (order == null ? u : order[u])] = units[u];
            }
        }
        for (int e = 0; e < n; e++) {
            y[e] = x[e] * f[e];
        }
    }

    /** dOut → dOut ⊙ the forward's factors, or dOut itself after a pass without dropout. */
    @Override
    void backward(LayerScratch s, LayerSlot slot, boolean inputGradient) {
        if (!inputGradient) {
            return;
        }
        int n = s.count * inSize;
        double[] dOut = s.d[at + 1];
        double[] dx = s.d[at];
        if (!s.training) {
            System.arraycopy(dOut, 0, dx, 0, n);
            return;
        }
        double[] f = s.factors[at];
        for (int e = 0; e < n; e++) {
            dx[e] = dOut[e] * f[e];
        }
    }
}
