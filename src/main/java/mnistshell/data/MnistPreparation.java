package mnistshell.data;

/**
 * A drawing prepared as MNIST prepared its digits (LeCun et al.): the ink's bounding box scaled,
 * aspect kept, to fit a 20x20 box, then placed in the 28x28 field so that its centre of mass falls
 * on the field's centre, pixel (14, 14). For other image sizes the box keeps the ratio 20/28.
 * Pure: pixels in, new pixels out.
 */
public final class MnistPreparation {

    /** Sub-samples per output pixel and axis: an average that neither aliases nor blurs much. */
    static final int SUPER = 4;

    private MnistPreparation() {
    }

    /** {@code pixels} (rows x cols, bytes 0..255 row by row) prepared; a blank image comes back blank. */
    public static byte[] prepare(byte[] pixels, int rows, int cols) {
        int top = rows;
        int bottom = -1;
        int left = cols;
        int right = -1;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (pixels[r * cols + c] != 0) {
                    top = Math.min(top, r);
                    bottom = Math.max(bottom, r);
                    left = Math.min(left, c);
                    right = Math.max(right, c);
                }
            }
        }
        if (bottom < 0) {
            return pixels.clone();
        }
        int h = bottom - top + 1;
        int w = right - left + 1;
        double box = Math.min(rows, cols) * 20.0 / 28.0;
        double scale = box / Math.max(h, w);
        int nh = Math.max(1, (int) Math.round(h * scale));
        int nw = Math.max(1, (int) Math.round(w * scale));
        double[] fitted = resample(pixels, cols, top, left, h, w, nh, nw);
        double mass = 0;
        double rowMoment = 0;
        double colMoment = 0;
        for (int r = 0; r < nh; r++) {
            for (int c = 0; c < nw; c++) {
                double v = fitted[r * nw + c];
                mass += v;
                rowMoment += r * v;
                colMoment += c * v;
            }
        }
        int dr = (int) Math.round(rows / 2.0 - rowMoment / mass);
        int dc = (int) Math.round(cols / 2.0 - colMoment / mass);
        byte[] out = new byte[rows * cols];
        for (int r = 0; r < nh; r++) {
            for (int c = 0; c < nw; c++) {
                int y = r + dr;
                int x = c + dc;
                if (y >= 0 && y < rows && x >= 0 && x < cols) {
                    out[y * cols + x] = (byte) Math.max(0, Math.min(255, Math.round(fitted[r * nw + c])));
                }
            }
        }
        return out;
    }

    /** The box (top, left, h, w) of the image resampled to nh x nw: each output pixel the mean of bilinear samples. */
    private static double[] resample(byte[] pixels, int cols, int top, int left, int h, int w, int nh, int nw) {
        double[] out = new double[nh * nw];
        double sy = (double) h / nh;
        double sx = (double) w / nw;
        for (int r = 0; r < nh; r++) {
            for (int c = 0; c < nw; c++) {
                double sum = 0;
                for (int i = 0; i < SUPER; i++) {
                    for (int j = 0; j < SUPER; j++) {
                        double y = top + (r + (i + 0.5) / SUPER) * sy - 0.5;
                        double x = left + (c + (j + 0.5) / SUPER) * sx - 0.5;
                        sum += bilinear(pixels, cols, top, left, h, w, y, x);
                    }
                }
                out[r * nw + c] = sum / (SUPER * SUPER);
            }
        }
        return out;
    }

    /** The image at (y, x) between pixel centres, clamped to the box. */
    private static double bilinear(byte[] p, int cols, int top, int left, int h, int w, double y, double x) {
        y = Math.max(top, Math.min(top + h - 1, y));
        x = Math.max(left, Math.min(left + w - 1, x));
        int y0 = (int) Math.floor(y);
        int x0 = (int) Math.floor(x);
        int y1 = Math.min(top + h - 1, y0 + 1);
        int x1 = Math.min(left + w - 1, x0 + 1);
        double fy = y - y0;
        double fx = x - x0;
        double a = (p[y0 * cols + x0] & 0xFF) * (1 - fx) + (p[y0 * cols + x1] & 0xFF) * fx;
        double b = (p[y1 * cols + x0] & 0xFF) * (1 - fx) + (p[y1 * cols + x1] & 0xFF) * fx;
        return a * (1 - fy) + b * fy;
    }
}
