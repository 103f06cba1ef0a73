package mnistshell.nn;

/**
 * One chunk's sums, made alone: its parameters' gradient sums over its samples (flat, W row by
 * row as its {@link mnistshell.nn.layer.Param} holds it), its loss summed over its samples, and its
 * right answers. {@link LayerKernel} adds the chunks' slots in chunk order.
 */
final class LayerSlot {
    final double[][] dW;
    final double[][] db;
    double loss;
    int correct;

    LayerSlot(LayerStep[] steps, int params) {
        dW = new double[params][];
        db = new double[params][];
        for (LayerStep step : steps) {
            if (step.param() >= 0) {
                dW[step.param()] = new double[step.weightRows() * step.weightColumns()];
                db[step.param()] = new double[step.weightRows()];
            }
        }
    }
}
