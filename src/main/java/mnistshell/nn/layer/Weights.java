package mnistshell.nn.layer;

import java.util.List;
import org.la4j.Matrix;

/**
 * A layer's W (rows, cols) and b (rows, 1) with their gradients and la4j views, made when first
 * needed: a spec is parsed, shown and its memory weighed before any of its parameters exist.
 */
final class Weights {

    private final int rows;
    private final int columns;
    private Param w;
    private Param b;
    private Matrix wView;
    private Matrix bView;

    Weights(int rows, int columns) {
        this.rows = rows;
        this.columns = columns;
    }

    long count() {
        return (long) rows * columns + rows;
    }

    List<Param> params() {
        make();
        return List.of(w, b);
    }

    Param w() {
        make();
        return w;
    }

    Param b() {
        make();
        return b;
    }

    /** W as la4j sees it: a live view, (rows, cols). */
    Matrix wView() {
        make();
        return wView;
    }

    /** b as la4j sees it: a live view, (rows, 1). */
    Matrix bView() {
        make();
        return bView;
    }

    private void make() {
        if (w == null) {
            w = Param.zeros("W", rows, columns, true);
            b = Param.zeros("b", rows, 1, false);
            wView = Columns.view(w.values());
            bView = Columns.view(b.values());
        }
    }
}
