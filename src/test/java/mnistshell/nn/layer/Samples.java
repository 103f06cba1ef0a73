package mnistshell.nn.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.la4j.Matrix;
import org.la4j.matrix.dense.Basic2DMatrix;

/** Tests' small helpers: maps written row by row become sample columns, channel-major. */
final class Samples {

    private Samples() {
    }

    /** Channels written as (height, width) rows → one sample's values, channel-major. */
    static double[] flatten(double[][]... channels) {
        int h = channels[0].length;
        int w = channels[0][0].length;
        double[] out = new double[channels.length * h * w];
        for (int c = 0; c < channels.length; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    out[(c * h + y) * w + x] = channels[c][y][x];
                }
            }
        }
        return out;
    }

    /** One sample, one channel, as an (h w, 1) batch. */
    static Matrix columns(double[][] map) {
        return matrix(new double[][] {flatten(map)});
    }

    /** Samples (each a flat array) → (size, m), one column each. */
    static Matrix matrix(double[][] samples) {
        double[][] out = new double[samples[0].length][samples.length];
        for (int j = 0; j < samples.length; j++) {
            for (int i = 0; i < samples[j].length; i++) {
                out[i][j] = samples[j][i];
            }
        }
        return Basic2DMatrix.from2DArray(out);
    }

    static void set(Param p, double[][] values) {
        for (int i = 0; i < values.length; i++) {
            System.arraycopy(values[i], 0, p.values()[i], 0, values[i].length);
        }
    }

    static void assertColumn(double[] expected, Matrix m, int column, double tol) {
        assertEquals(expected.length, m.rows(), "rows");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], m.get(i, column), tol, "row " + i + " of column " + column);
        }
    }

    static void assertRows(double[][] expected, double[][] actual, double tol) {
        assertEquals(expected.length, actual.length, "rows");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i].length, actual[i].length, "columns of row " + i);
            for (int j = 0; j < expected[i].length; j++) {
                assertEquals(expected[i][j], actual[i][j], tol, "(" + i + ", " + j + ")");
            }
        }
    }
}
