package mnistshell.nn;

import mnistshell.nn.layer.Param;
import mnistshell.nn.layer.Shape;

/**
 * A step with a W (rows, columns) and a b (rows, 1): it reads the layer's own {@link Param}
 * values at every call, into flat copies that the workers share, read-only, while the chunks run.
 */
abstract class LayerParamStep extends LayerStep {
    private final int param;
    private final Param weights;
    private final Param biases;
    final int rows;
    final int columns;
    /** W row by row (rows, columns), W transposed (columns, rows), and b: refreshed at every call. */
    final double[] w;
    final double[] wt;
    final double[] b;

    LayerParamStep(int at, Shape in, Shape out, int param, Param weights, Param biases) {
        super(at, in, out);
        this.param = param;
        this.weights = weights;
        this.biases = biases;
        this.rows = weights.rows();
        this.columns = weights.columns();
        this.w = new double[rows * columns];
        this.wt = new double[rows * columns];
        this.b = new double[rows];
    }

    @Override
    final int param() {
        return param;
    }

    @Override
    final int weightRows() {
        return rows;
    }

    @Override
    final int weightColumns() {
        return columns;
    }

    @Override
    final void refresh() {
        double[][] live = weights.values();
        for (int r = 0; r < rows; r++) {
            double[] row = live[r];
            System.arraycopy(row, 0, w, r * columns, columns);
            for (int c = 0; c < columns; c++) {
                wt[c * rows + r] = row[c];
            }
            b[r] = biases.values()[r][0];
        }
    }
}
