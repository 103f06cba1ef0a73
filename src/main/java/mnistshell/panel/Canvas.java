package mnistshell.panel;

/**
 * The drawing pad's pixels: grey values 0..255 like MNIST's, darkened by a soft round brush. A dab
 * leaves full ink at its centre and grey at its edge, as MNIST's anti-aliased pen strokes do;
 * ink only ever gets darker (the maximum of old and new), so going over a stroke does not blot it.
 */
final class Canvas {

    /** Ink a dab leaves around its centre, by (row offset + 1, column offset + 1). */
    static final int[][] BRUSH = {
        {90, 190, 90},
        {190, 255, 190},
        {90, 190, 90},
    };

    private final int rows;
    private final int cols;
    private final int[] grey;

    Canvas(int rows, int cols) {
        this.rows = rows;
        this.cols = cols;
        this.grey = new int[rows * cols];
    }

    /** One dab of the brush centred on (row, col); parts off the pad are dropped. */
    void dab(int row, int col) {
        for (int dr = -1; dr <= 1; dr++) {
            for (int dc = -1; dc <= 1; dc++) {
                int r = row + dr;
                int c = col + dc;
                if (r >= 0 && r < rows && c >= 0 && c < cols) {
                    grey[r * cols + c] = Math.max(grey[r * cols + c], BRUSH[dr + 1][dc + 1]);
                }
            }
        }
    }

    /** Dabs along the straight line from (r0, c0) to (r1, c1), so that a fast mouse drag leaves no gaps. */
    void stroke(int r0, int c0, int r1, int c1) {
        int steps = Math.max(Math.abs(r1 - r0), Math.abs(c1 - c0));
        for (int i = 0; i <= steps; i++) {
            double t = steps == 0 ? 0 : (double) i / steps;
            dab((int) Math.round(r0 + t * (r1 - r0)), (int) Math.round(c0 + t * (c1 - c0)));
        }
    }

    void clear() {
        java.util.Arrays.fill(grey, 0);
    }

    boolean blank() {
        for (int v : grey) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }

    /** The grey values, row by row (a copy). */
    int[] grey() {
        return grey.clone();
    }

    /** The pixels as stored bytes, as a {@link mnistshell.data.Dataset} holds them. */
    byte[] pixels() {
        byte[] out = new byte[grey.length];
        for (int p = 0; p < grey.length; p++) {
            out[p] = (byte) grey[p];
        }
        return out;
    }

    int rows() {
        return rows;
    }

    int cols() {
        return cols;
    }
}
