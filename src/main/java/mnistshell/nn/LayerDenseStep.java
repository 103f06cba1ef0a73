package mnistshell.nn;

import mnistshell.nn.layer.Dense;

/**
 * {@link Dense#forward} and {@link Dense#backward} on a chunk, the samples as rows: Z (count,
 * units) = X (count, inputs) Wᵀ + b, A = act(Z). Its input is read in the reference's order (c, y,
 * x): a map of several channels is regrouped first, and its gradient back.
 */
final class LayerDenseStep extends LayerParamStep {
    private final Dense layer;
    /** Where input value i (reference order) lies at the boundary; null when that is i itself. */
    private final int[] order;

    LayerDenseStep(int at, Dense layer, int param) {
        super(at, layer.in(), layer.out(), param, layer.params().get(0), layer.params().get(1));
        this.layer = layer;
        this.order = positionMajor(layer.in());
    }

    @Override
    void reserve(LayerScratch s, int capacity) {
        s.z[at] = new double[capacity * rows];
        if (order != null) {
            s.regrouped[at] = new double[capacity * columns];
            s.regroupedGradient[at] = new double[capacity * columns];
        }
    }

    /** X: (count, inputs) → Z = X Wᵀ + b and A = act(Z): (count, units), sample j's row at j * units. */
    @Override
    void forward(LayerScratch s) {
        double[] x = input(s);
        double[] z = s.z[at];
        s.products.multiply(x, columns, 1, wt, rows, z, s.count, columns);
        biasAndActivation(z, b, rows, layer.activation(), s.a[at + 1], s.count * rows);
    }

    /** dA → dZ = dA ⊙ act'(Z); dW = dZᵀ X (units, inputs), db = dZ's column sums; dX = dZ W (count, inputs). */
    @Override
    void backward(LayerScratch s, LayerSlot slot, boolean inputGradient) {
        int n = s.count * rows;
        double[] dz = s.d[at + 1];
        throughActivation(dz, s.z[at], layer.activation(), n);
        double[] x = order == null ? s.a[at] : s.regrouped[at];
        s.products.multiply(dz, 1, rows, x, columns, slot.dW[param()], rows, s.count);
        channelSums(dz, rows, n, slot.db[param()]);
        if (!inputGradient) {
            return;
        }
        double[] dx = order == null ? s.d[at] : s.regroupedGradient[at];
        s.products.multiply(dz, rows, 1, w, columns, dx, s.count, rows);
        if (order != null) {
            double[] to = s.d[at];
            for (int j = 0, base = 0; j < s.count; j++, base += columns) {
                for (int i = 0; i < columns; i++) {
                    to[base + order[i]] = dx[base + i];
                }
            }
        }
    }

    /** The chunk's input in the reference's order: the boundary itself, or regrouped from it. */
    private double[] input(LayerScratch s) {
        double[] a = s.a[at];
        if (order == null) {
            return a;
        }
        double[] x = s.regrouped[at];
        for (int j = 0, base = 0; j < s.count; j++, base += columns) {
            for (int i = 0; i < columns; i++) {
                x[base + i] = a[base + order[i]];
            }
        }
        return x;
    }
}
