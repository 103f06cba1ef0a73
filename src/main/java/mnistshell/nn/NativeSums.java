package mnistshell.nn;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The fast kernel's sums in C ({@code src/main/c/mnist_sums.c}): the first layer's two big sums
 * over inked pixels, and the matrix products of the layers above, in AVX2 (the seed's ten-wide
 * first layer in AVX-512 where the processor has it). The same fused multiply-adds in the same order as
 * {@link KernelSums#sum} and {@link Products}, so the same bits, in a fraction of the time. The
 * plain Java path stays, and is used wherever this is not {@link #available}: no library in the
 * jar (built without gcc), no AVX2, or {@code set engine java}. {@code FastKernelTest} and
 * {@code ProductsTest} hold the two to the same bits.
 *
 * <p>The library travels inside the jar; it is copied to a temporary file, loaded, and the file
 * deleted at once (the loaded copy stays mapped), so nothing is left behind.
 */
final class NativeSums {

    private static final String LIBRARY = "libmnistsums.so";
    /** What this processor runs of the library: 1 all of it (AVX2 and FMA), plus 2 the first-layer sums 16 lanes wide (AVX-512F), plus 4 the dense ones with images or pixels along the vector (and DQ). */
    private static final int FEATURES = load();

    private NativeSums() {
    }

    /** Whether the native first-layer sums are loaded and this processor runs them (AVX2 and FMA at least). */
    static boolean available() {
        return (FEATURES & 1) != 0;
    }

    /** Whether the seed's ten-wide first-layer sums run in AVX-512 (else in AVX2, as all wider ones do). */
    static boolean wide() {
        return (FEATURES & 2) != 0;
    }

    /**
     * Whether the seed's dense first-layer sums run in AVX-512 with the images or pixels along the
     * vector (AVX-512F and DQ), the forward ones from a panel ({@link #denseSums}).
     */
    static boolean panels() {
        return (FEATURES & 4) != 0;
    }

    /**
     * How many images (forward) or pixels (dW1^T) {@link KernelChunk}'s lists of what is inked
     * group for {@link #denseSums}: 16 where the sums run 16 along the vector ({@link #panels}),
     * else 4, the AVX2 sums' four images or pixels at a time.
     */
    static int listWidth() {
        return panels() ? 16 : 4;
    }

    /** Whether the native dense products ({@link #products}) are loaded and this processor runs them. */
    static boolean productsAvailable() {
        return (FEATURES & 1) != 0;
    }

    private static int load() {
        try (InputStream in = NativeSums.class.getResourceAsStream(LIBRARY)) {
            if (in == null) {
                return 0;
            }
            Path copy = Files.createTempFile("mnist-shell-", ".so");
            try {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
                System.load(copy.toAbsolutePath().toString());
            } finally {
                Files.deleteIfExists(copy);
            }
            return features();
        } catch (IOException | LinkageError | SecurityException e) {
            return 0;
        }
    }

    /** What the processor runs: 1 if it has AVX2 and FMA, plus 2 if it also has AVX-512F, plus 4 if AVX-512DQ too. */
    private static native int features();

    /**
     * c[r * n + j] = sum over k in [0, depth), in order, of a[r * ar + k * ak] * b[k * n + j], for r
     * in [0, rows) and j in [0, n): each output one chain of fused multiply-adds from +0.0, the
     * chains {@link Products#multiply} makes in plain Java, so the same bits.
     */
    static void products(double[] a, int ar, int ak, double[] b, int n, double[] c, int rows, int depth) {
        if (rows < 0 || depth < 0 || n < 0 || ar < 0 || ak < 0 || (long) rows * n > c.length
                || (long) depth * n > b.length
                || rows > 0 && depth > 0 && (long) (rows - 1) * ar + (long) (depth - 1) * ak >= a.length) {
            throw new IllegalArgumentException("products: arrays too short");
        }
        if (rows > 0 && n > 0) {
            nativeProducts(a, ar, ak, b, n, c, rows, depth);
        }
    }

    private static native void nativeProducts(double[] a, int ar, int ak, double[] b, int n, double[] c, int rows,
                                              int depth);

    /**
     * How many lanes a block of a row n wide takes in the native sums: a multiple of 4, at most 48
     * (twelve AVX2 registers), the blocks as even as that allows. Rows ten wide are not blocked.
     * Must agree with {@code block_width} in mnist_sums.c.
     */
    static int blockWidth(int n) {
        int blocks = (n + 47) / 48;
        int w = (n + blocks - 1) / blocks;
        return (w + 3) / 4 * 4;
    }

    /** Whether {@link #pixelSums} takes W1^T blocked ({@link #blocked}) for a first layer of n units: all but ten. */
    static boolean blocks(int n) {
        return n != 10;
    }

    /**
     * Where W1^T's entry (pixel i, unit j) goes blocked, for rows n wide and {@code pixels} rows:
     * block q = j / w holds units [q w, q w + w) of every pixel, w apiece ({@link #blockWidth}),
     * the blocks one after another, the last padded with zeros. So the native sums read a block
     * of all the pixels' weights as one run of memory instead of rows 8n bytes apart.
     */
    static int blocked(int i, int j, int n, int pixels) {
        int w = blockWidth(n);
        int q = j / w;
        return (q * pixels + i) * w + j - q * w;
    }

    /** How many doubles W1^T takes blocked, for rows n wide. */
    static int blockedLength(int n, int pixels) {
        int w = blockWidth(n);
        return (n + w - 1) / w * w * pixels;
    }

    /**
     * out[(s - from) * n + j] = sum over image {@code images[s]}'s inked pixels k, in order, of
     * input[byte_k] * W1^T[pixel_k, j], for s in [from, to): layer 1's z before the bias. W1^T is
     * {@code wt}, flat (row i at i * n) for n ten, else {@link #blocked}.
     */
    static void pixelSums(double[] wt, int n, SparseImages x, int[] images, int from, int to, double[] out) {
        int pixels = x.pixels.length / Math.max(1, x.start.length - 1);
        if (from < 0 || to > images.length || (long) (to - from) * n > out.length || x.input.length != 256
                || (blocks(n) ? blockedLength(n, pixels) : (long) pixels * n) > wt.length) {
            throw new IllegalArgumentException("pixelSums: arrays too short");
        }
        for (int s = from; s < to; s++) {
            if (images[s] < 0 || images[s] + 1 >= x.start.length) {
                throw new IllegalArgumentException("pixelSums: no image " + images[s]);
            }
        }
        nativePixelSums(wt, n, x.index, x.value, x.input, x.start, images, from, to, out);
    }

    private static native void nativePixelSums(double[] wt, int n, char[] pixel, byte[] value, double[] input, int[] start,
                                         int[] images, int from, int to, double[] out);

    /**
     * out[p * n + j] = sum over column p's entries k, in order, of input[value[k] & 0xFF] *
     * rows[index[k] * n + j], for p in [0, columns): column p's entries are [start[p], start[p + 1]).
     * Every index[k] must name a row of {@code rows}: the caller's columns are made so
     * ({@link KernelChunk}), and checking each entry here would cost a pass over all of them at
     * every update.
     */
    static void columnSums(double[] rows, int n, int[] start, char[] index, byte[] value, double[] input, int columns,
                           double[] out) {
        if (columns + 1 > start.length || (long) columns * n > out.length || input.length != 256
                || start[columns] > index.length || start[columns] > value.length) {
            throw new IllegalArgumentException("columnSums: arrays too short");
        }
        nativeColumnSums(rows, n, start, index, value, input, columns, out);
    }

    private static native void nativeColumnSums(double[] rows, int n, int[] start, char[] index, byte[] value,
                                                double[] input, int columns, double[] out);

    /**
     * The seed's ten-wide first layer, dense: every pixel of the images {@code images[from..to)},
     * zeros included, read from the dataset's bytes. Forward ({@code columns} false):
     * out[(s - from) * 10 + j] = sum over pixels p of input[x_s[p]] * rows[p * 10 + j], rows W1^T.
     * dW1^T ({@code columns} true): out[p * 10 + j] = sum over s of input[x_s[p]] * rows[(s - from)
     * * 10 + j], rows dz1. The same bits as {@link #pixelSums} and {@link #columnSums}, which skip the
     * zeros, provided every value of {@code rows} is finite (a zero times an infinity would be NaN):
     * the caller checks that.
     *
     * <p>{@code panel}, for the forward sums where {@link #panels}, is null or the images as
     * {@link KernelChunk#panel} lays them out: then they are read from it 16 at a time.
     */
    static void denseSums(double[] rows, SparseImages x, int[] images, int from, int to, double[] out,
                          boolean columns, byte[] panel) {
        int pixels = x.pixels.length / Math.max(1, x.start.length - 1);
        denseSums(rows, x.pixels, pixels, x.input, images, from, to, out, columns, panel, null, null, 16);
    }

    /**
     * As above, on images {@code map[from..to)} of {@code bytes}, image i's pixels at [i * pixels,
     * (i + 1) * pixels): the dataset's own bytes, or a chunk's copy of its images in order
     * ({@link KernelChunk#panelRows}) with the identity as map.
     *
     * <p>With {@code listStart} and {@code list}, what is read skips what is blank, by groups of
     * {@code width} (a multiple of 4; 16 for the AVX-512 sums, which take other widths in AVX2):
     * forward, block b of {@code width} images reads pixels list[listStart[b] .. listStart[b + 1]),
     * those inked in one of them; dW1^T, pixels width g .. width (g + 1) read samples
     * list[listStart[g] .. listStart[g + 1]), those inked there (then {@code bytes} is the chunk's
     * copy and {@code map} the identity). Blank ones add +0.0 to every chain, so the bits are the
     * same. The lists are {@link KernelChunk}'s, made with its copy of the images; their entries
     * are not checked here.
     */
    static void denseSums(double[] rows, byte[] bytes, int pixels, double[] input, int[] map, int from, int to,
                          double[] out, boolean columns, byte[] panel, int[] listStart, char[] list, int width) {
        long count = to - from;
        if (from < 0 || to > map.length || count < 0 || input.length != 256 || pixels < 1
                || (columns ? count * 10 > rows.length || (long) pixels * 10 > out.length
                        : (long) pixels * 10 > rows.length || count * 10 > out.length)) {
            throw new IllegalArgumentException("denseSums: arrays too short");
        }
        long images = bytes.length / pixels;
        for (int s = from; s < to; s++) {
            if (map[s] < 0 || map[s] >= images) {
                throw new IllegalArgumentException("denseSums: no image " + map[s]);
            }
        }
        if (panel != null && (columns || panel.length < (count + 15) / 16 * 16 * pixels)) {
            throw new IllegalArgumentException("denseSums: panel too short");
        }
        if (width < 4 || width % 4 != 0) {
            throw new IllegalArgumentException("denseSums: lists of width " + width);
        }
        int lists = columns ? pixels / width : (int) ((count + width - 1) / width); // their ends at listStart[lists]
        if ((listStart == null) != (list == null)
                || listStart != null && (listStart.length < lists + 1 || listStart[lists] > list.length)) {
            throw new IllegalArgumentException("denseSums: lists too short");
        }
        nativeDenseSums(rows, bytes, pixels, input, map, from, to, out, columns, panel, listStart, list, width);
    }

    private static native void nativeDenseSums(double[] rows, byte[] images, int pixels, double[] input, int[] map,
                                               int from, int to, double[] out, boolean columns, byte[] panel,
                                               int[] listStart, char[] list, int width);
}
