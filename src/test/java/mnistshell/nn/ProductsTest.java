package mnistshell.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The layers' matrix products, in plain Java and in AVX2, against the textbook triple loop: one
 * chain of fused multiply-adds per output, over k in order, from +0.0. Shapes that are not
 * multiples of the tiles (6 rows, 8 lanes), A as it is and transposed, a third of A's terms zero.
 */
class ProductsTest {

    @ParameterizedTest(name = "{0} x {1} times {1} x {2}, transposed {3}")
    @CsvSource({"1, 1, 1, false", "1, 7, 1, true", "7, 1, 7, false", "4, 8, 8, false", "5, 9, 10, true",
        "3, 129, 257, false", "129, 3, 7, true", "32, 256, 128, false", "257, 32, 10, true", "33, 10, 257, false",
        "2, 0, 3, false", "64, 100, 64, true", "11, 5, 70, false", "6, 4, 64, false"})
    void javaAndNativeProductsEqualTheTextbookChainsBitForBit(int rows, int depth, int n, boolean transposed) {
        Random r = new Random(rows * 31L + depth * 7L + n);
        double[] a = values(r, rows * depth);
        double[] b = values(r, depth * n);
        int ar = transposed ? 1 : depth;
        int ak = transposed ? rows : 1;
        double[] expected = new double[rows * n];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < depth; k++) {
                    s = Math.fma(a[i * ar + k * ak], b[k * n + j], s);
                }
                expected[i * n + j] = s;
            }
        }
        double[] java = filled(rows * n);
        new Products(false).multiply(a, ar, ak, b, n, java, rows, depth);
        assertArrayEquals(bits(expected), bits(java), "plain Java");
        assumeTrue(FastKernel.nativeProductsAvailable(), "no native products here (no gcc at build, or no AVX2)");
        double[] fast = filled(rows * n);
        new Products(true).multiply(a, ar, ak, b, n, fast, rows, depth);
        assertArrayEquals(bits(expected), bits(fast), "AVX2");
    }

    @ParameterizedTest(name = "{0} rows, {1} deep, {2} wide")
    @CsvSource({"5, 4, 3", "4, 5, 3", "4, 4, 4"})
    void nativeProductsRefuseArraysTooShortForTheShape(int rows, int depth, int n) {
        assumeTrue(FastKernel.nativeProductsAvailable(), "no native products here (no gcc at build, or no AVX2)");
        double[] a = new double[16];
        double[] b = new double[12];
        double[] c = new double[12];
        assertThrows(IllegalArgumentException.class,
                () -> NativeSums.products(a, depth, 1, b, n, c, rows, depth));
    }

    /** Normal values, with about a third exactly zero (the Java path skips those). */
    private static double[] values(Random r, int count) {
        double[] v = new double[count];
        for (int i = 0; i < count; i++) {
            v[i] = r.nextInt(3) == 0 ? 0 : r.nextGaussian();
        }
        return v;
    }

    /** Garbage where the outputs go: a product writes every entry. */
    private static double[] filled(int count) {
        double[] v = new double[count];
        java.util.Arrays.fill(v, Double.NaN);
        return v;
    }

    private static long[] bits(double[] v) {
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Double.doubleToRawLongBits(v[i]);
        }
        return out;
    }
}
