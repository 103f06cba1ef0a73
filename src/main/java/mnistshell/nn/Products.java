package mnistshell.nn;

/**
 * The matrix products of the layers above the first, for a chunk of samples at once:
 *
 * <pre>  c[r * n + j] = sum over k in [0, depth), in order, of a[r * ar + k * ak] * b[k * n + j]</pre>
 *
 * for r in [0, rows) and j in [0, n). Strides let one method take A as it is ({@code ar} its row
 * length, {@code ak} 1) or transposed ({@code ar} 1, {@code ak} its row length), so the forward
 * pass, the backward pass and dW are all this one product (see {@link KernelLayers}).
 *
 * <p>Each output is one chain of fused multiply-adds from +0.0 over k in order, whichever way it
 * is computed: in AVX2 tiles of 6 rows by 8 outputs ({@link NativeSums#products}), or here in
 * plain Java, row by row over the row's non-zero terms only. A zero term adds nothing to a chain
 * (its product is a zero, and a chain of finite terms from +0.0 never holds -0.0), so the two give
 * the same bits; {@code ProductsTest} holds them to it.
 */
final class Products {
    /** For the plain Java path: one row's non-zero terms, as many as the deepest product. */
    private int[] index = new int[0];
    private double[] value = new double[0];
    private final boolean nativeProducts;

    /** {@code nativeProducts}: use {@link NativeSums#products} (the caller checks it is available). */
    Products(boolean nativeProducts) {
        this.nativeProducts = nativeProducts;
    }

    void multiply(double[] a, int ar, int ak, double[] b, int n, double[] c, int rows, int depth) {
        if (nativeProducts) {
            NativeSums.products(a, ar, ak, b, n, c, rows, depth);
            return;
        }
        if (index.length < depth) { // sized by the first calls, then reused
            index = new int[depth];
            value = new double[depth];
        }
        for (int r = 0; r < rows; r++) {
            int count = 0;
            for (int k = 0, at = r * ar; k < depth; k++, at += ak) {
                double v = a[at];
                index[count] = k;
                value[count] = v;
                count += v != 0 ? 1 : 0;
            }
            KernelSums.sum(b, index, value, 0, count, c, r * n, n);
        }
    }
}
