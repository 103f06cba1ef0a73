package mnistshell.nn;

/**
 * The fast kernel's sums over listed inputs, in plain Java: each output one chain of fused
 * multiply-adds over the listed inputs in order. The first layer's inputs are an image's inked
 * pixels, about 20% of them, as {@link SparseImages} lists them ({@link #sumInputs}; or
 * {@link NativeSums} for whole chunks); {@link Products} lists a row's non-zero terms for the
 * layers above ({@link #sum}). Loops run over the true layer sizes (10 for the seed's): these rows
 * are too short for the JIT's vector code, so every wasted lane would cost a whole instruction.
 */
final class KernelSums {

    private KernelSums() {
    }

    /**
     * Layer 1's sums for image {@code image} (z1 before the bias) into {@code out} at {@code at}, in
     * plain Java: what {@link NativeSums#pixelSums} does for a whole chunk.
     */
    static void pixelSums(double[] wt, int n, SparseImages x, int image, double[] out, int at) {
        sumInputs(wt, x.index, x.value, x.input, x.start[image], x.start[image + 1], out, at, n);
    }

    /**
     * out[at + j] = sum over k in [from, to) of value[k] * rows[index[k] * n + j], for j < n (rows
     * flat: one load fewer per input than an array of rows), eight outputs at a time kept in
     * registers (through memory, each input's sum would wait on the last one's store), with fused
     * multiply-adds (one rounding each: closer to the exact sum than the reference, not further).
     * Each output is one chain over k in order, whatever the blocking: {@link NativeSums} makes the
     * same chains, so the same bits.
     */
    static void sum(double[] rows, int[] index, double[] value, int from, int to, double[] out, int at, int n) {
        int j = 0;
        for (; j + 7 < n; j += 8) {
            if (n - j == 10) { // the seed's layers: ten at once saves a second pass over the inputs
                sumTen(rows, index, value, from, to, out, at + j, j, n);
                return;
            }
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
            for (int k = from; k < to; k++) {
                double v = value[k];
                int r = index[k] * n + j;
                s0 = Math.fma(v, rows[r], s0);
                s1 = Math.fma(v, rows[r + 1], s1);
                s2 = Math.fma(v, rows[r + 2], s2);
                s3 = Math.fma(v, rows[r + 3], s3);
                s4 = Math.fma(v, rows[r + 4], s4);
                s5 = Math.fma(v, rows[r + 5], s5);
                s6 = Math.fma(v, rows[r + 6], s6);
                s7 = Math.fma(v, rows[r + 7], s7);
            }
            int o = at + j;
            out[o] = s0;
            out[o + 1] = s1;
            out[o + 2] = s2;
            out[o + 3] = s3;
            out[o + 4] = s4;
            out[o + 5] = s5;
            out[o + 6] = s6;
            out[o + 7] = s7;
        }
        for (; j + 1 < n; j += 2) {
            double s0 = 0, s1 = 0;
            for (int k = from; k < to; k++) {
                double v = value[k];
                int r = index[k] * n + j;
                s0 = Math.fma(v, rows[r], s0);
                s1 = Math.fma(v, rows[r + 1], s1);
            }
            out[at + j] = s0;
            out[at + j + 1] = s1;
        }
        if (j < n) {
            double s0 = 0;
            for (int k = from; k < to; k++) {
                s0 = Math.fma(value[k], rows[index[k] * n + j], s0);
            }
            out[at + j] = s0;
        }
    }

    /** {@link #sum}'s last ten outputs, j .. j + 9 of rows n wide, written at out[o ..]. */
    private static void sumTen(double[] rows, int[] index, double[] value, int from, int to, double[] out, int o,
                               int j, int n) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0, s9 = 0;
        for (int k = from; k < to; k++) {
            double v = value[k];
            int r = index[k] * n + j;
            s0 = Math.fma(v, rows[r], s0);
            s1 = Math.fma(v, rows[r + 1], s1);
            s2 = Math.fma(v, rows[r + 2], s2);
            s3 = Math.fma(v, rows[r + 3], s3);
            s4 = Math.fma(v, rows[r + 4], s4);
            s5 = Math.fma(v, rows[r + 5], s5);
            s6 = Math.fma(v, rows[r + 6], s6);
            s7 = Math.fma(v, rows[r + 7], s7);
            s8 = Math.fma(v, rows[r + 8], s8);
            s9 = Math.fma(v, rows[r + 9], s9);
        }
        out[o] = s0;
        out[o + 1] = s1;
        out[o + 2] = s2;
        out[o + 3] = s3;
        out[o + 4] = s4;
        out[o + 5] = s5;
        out[o + 6] = s6;
        out[o + 7] = s7;
        out[o + 8] = s8;
        out[o + 9] = s9;
    }

    /**
     * {@link #sum} over stored pixels: out[at + j] = sum over k in [from, to) of input[value[k] & 0xFF]
     * * rows[index[k] * n + j], for j < n. The same chains as {@link #sum}, and as
     * {@link NativeSums}, which does this for whole chunks.
     */
    static void sumInputs(double[] rows, char[] index, byte[] value, double[] input, int from, int to, double[] out,
                          int at, int n) {
        int j = 0;
        for (; j + 7 < n; j += 8) {
            if (n - j == 10) {
                sumInputsTen(rows, index, value, input, from, to, out, at + j, j, n);
                return;
            }
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
            for (int k = from; k < to; k++) {
                double v = input[value[k] & 0xFF];
                int r = index[k] * n + j;
                s0 = Math.fma(v, rows[r], s0);
                s1 = Math.fma(v, rows[r + 1], s1);
                s2 = Math.fma(v, rows[r + 2], s2);
                s3 = Math.fma(v, rows[r + 3], s3);
                s4 = Math.fma(v, rows[r + 4], s4);
                s5 = Math.fma(v, rows[r + 5], s5);
                s6 = Math.fma(v, rows[r + 6], s6);
                s7 = Math.fma(v, rows[r + 7], s7);
            }
            int o = at + j;
            out[o] = s0;
            out[o + 1] = s1;
            out[o + 2] = s2;
            out[o + 3] = s3;
            out[o + 4] = s4;
            out[o + 5] = s5;
            out[o + 6] = s6;
            out[o + 7] = s7;
        }
        for (; j < n; j++) {
            double s0 = 0;
            for (int k = from; k < to; k++) {
                s0 = Math.fma(input[value[k] & 0xFF], rows[index[k] * n + j], s0);
            }
            out[at + j] = s0;
        }
    }

    private static void sumInputsTen(double[] rows, char[] index, byte[] value, double[] input, int from, int to,
                                     double[] out, int o, int j, int n) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0, s9 = 0;
        for (int k = from; k < to; k++) {
            double v = input[value[k] & 0xFF];
            int r = index[k] * n + j;
            s0 = Math.fma(v, rows[r], s0);
            s1 = Math.fma(v, rows[r + 1], s1);
            s2 = Math.fma(v, rows[r + 2], s2);
            s3 = Math.fma(v, rows[r + 3], s3);
            s4 = Math.fma(v, rows[r + 4], s4);
            s5 = Math.fma(v, rows[r + 5], s5);
            s6 = Math.fma(v, rows[r + 6], s6);
            s7 = Math.fma(v, rows[r + 7], s7);
            s8 = Math.fma(v, rows[r + 8], s8);
            s9 = Math.fma(v, rows[r + 9], s9);
        }
        out[o] = s0;
        out[o + 1] = s1;
        out[o + 2] = s2;
        out[o + 3] = s3;
        out[o + 4] = s4;
        out[o + 5] = s5;
        out[o + 6] = s6;
        out[o + 7] = s7;
        out[o + 8] = s8;
        out[o + 9] = s9;
    }
}
