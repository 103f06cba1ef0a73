package mnistshell.nn;

import java.util.Arrays;

/**
 * One chunk's sums: dW^T and db (not yet averaged), loss, right answers; and, in a gradients call,
 * its samples' activations ({@link #own}). {@link #gradients} makes dW^T from those as matrix
 * products, each entry's sum kept in a register and stored once, instead of read, added to and
 * written back for every sample. What only gradients need is made at the first gradients call,
 * so an evaluation's many chunks stay small.
 */
final class KernelChunk {
    /** dWt[l] is the chunk's dW[l] transposed, (n_l, n_{l+1}), flat: row i at i * n_{l+1}; null until a gradients call. */
    private double[][] dWt;
    private double[][] db;
    private KernelActivations own;
    /** The activations this chunk's samples are in now: its own, or its worker's in an evaluation. */
    KernelActivations acts;
    private final int[] sizes;
    /**
     * The chunk's pixels column by column: for pixel p, the samples inked there (numbers within the
     * chunk, which holds at most 65,536) and their stored bytes, at [columnStart[p], columnStart[p+1]):
     * 3 bytes an entry, as in {@link SparseImages}, since every update reads them all.
     */
    private int[] columnStart;
    private char[] columnSample = new char[0];
    private byte[] columnValue = new byte[0];
    /** The images the columns were made for: in full batch they are the same every update, so kept. */
    private int[] columnImages = new int[0];
    private int columnCount = -1;
    private SparseImages columnSource;
    int from;
    int to;
    /** The images of the last gradients call, to know them again (a full batch's, at every update). */
    private int[] lastImages = new int[0];
    private int lastCount = -1;
    private SparseImages lastSource;
    /** Whether this gradients call's images are the last one's ({@link #meet}). */
    private boolean again;
    /** Whether the last gradients call's images are inked enough for the dense sums ({@link SparseImages#inked}). */
    boolean inked;
    /**
     * The chunk's images for {@link NativeSums#denseSums}' AVX-512 forward sums, 16 at a time: for
     * every 16 images, pixel p's 16 bytes side by side at [(block * pixels + p) * 16, + 16), zeros
     * past the chunk's end; made only where those sums run ({@link NativeSums#panels}). Made, as
     * all below, for images met twice in a row, as a full batch's are at every update (a
     * mini-batch's never repeat), and kept while they stay the same.
     */
    private byte[] panel = new byte[0];
    /**
     * The same images as plain rows, in the chunk's order, for the other dense sums: a full
     * batch's images lie shuffled in the dataset, and read there row by row they came from memory
     * at random (measured: dW1^T 2.0 cycles a pixel, against 1.35 read in order).
     */
    private byte[] panelRows = new byte[0];
    /**
     * What the dense sums may skip (see {@link NativeSums#denseSums}), by groups of
     * {@link NativeSums#listWidth} (16 or 4): for each block of that many images the pixels inked
     * in one of them (inkedPixels, from inkedPixelsStart), and for each run of that many pixels
     * the samples inked there (inkedSamples). On Fashion-MNIST, 8% of a block of 16 images'
     * pixels and 16% of an image's runs of 16 are blank; 21% and 38% at 4.
     */
    private final int width = NativeSums.listWidth();
    private int[] inkedPixelsStart = new int[1];
    private char[] inkedPixels = new char[0];
    private int[] inkedSamplesStart = new int[1];
    private char[] inkedSamples = new char[0];
    private boolean listed;
    private boolean panelMade;
    /** Whether this gradients call's forward sums read the panel, so that dW1^T reads panelRows. */
    private boolean panelInUse;

    /** Whether this chunk's first-layer sums went dense (see {@link FastKernel#work}); its dW1 may then too. */
    boolean dense;
    double loss;
    int correct;
    /** Whether a gradients call is done with this chunk, for {@link FastKernel}'s hidden statistics, summed in chunk order as chunks finish. */
    volatile boolean finished;

    KernelChunk(int[] sizes) {
        this.sizes = sizes;
    }

    /** This chunk's own activations, for at least {@code capacity} samples (made, or remade larger, here). */
    KernelActivations own(int capacity) {
        if (own == null || own.capacity < capacity) {
            own = new KernelActivations(sizes, capacity);
        }
        return own;
    }

    double[][] dWt() {
        return dWt;
    }

    double[][] db() {
        return db;
    }

    /**
     * dW^T[l][i] = sum over the chunk's samples s of a_s[i] * dz[l][s], and db[l] = sum over all
     * samples of dz[l][s]. For the first layer the inputs are the pixels: the chunk's images
     * regrouped pixel by pixel, made once and kept while the batch stays the same, and only the
     * inked ones summed. {@code ones} holds 1.0 and {@code identity} 0, 1, 2, ... for at least the
     * chunk's samples. With {@code nativeSums}, the first layer's sums, the bulk of the work, go to
     * {@link NativeSums}; the layers above are {@code products}' matrix products.
     */
    void gradients(SparseImages x, int[] indices, int[] identity, double[] ones, boolean nativeSums,
                   Products products) {
        if (dWt == null) {
            int layers = sizes.length - 1;
            dWt = new double[layers][];
            db = new double[layers][];
            for (int l = 0; l < layers; l++) {
                dWt[l] = new double[sizes[l] * sizes[l + 1]];
                db[l] = new double[sizes[l + 1]];
            }
            columnStart = new int[sizes[0] + 1];
        }
        double[][] dz = acts.dz;
        double[][] act = acts.act;
        int pixels = sizes[0];
        if (dense && KernelBuffers.allFinite(dz[0], (to - from) * sizes[1])) {
            if (panelInUse) {
                NativeSums.denseSums(dz[0], panelRows, pixels, x.input, identity, 0, to - from, dWt[0], true, null,
                        listed ? inkedSamplesStart : null, listed ? inkedSamples : null, width);
            } else {
                NativeSums.denseSums(dz[0], x, indices, from, to, dWt[0], true, null);
            }
        } else {
            if (x != columnSource || !Arrays.equals(columnImages, 0, Math.max(0, columnCount), indices, from, to)) {
                makeColumns(x, indices);
            }
            if (nativeSums) {
                NativeSums.columnSums(dz[0], sizes[1], columnStart, columnSample, columnValue, x.input, pixels,
                        dWt[0]);
            } else {
                for (int p = 0; p < pixels; p++) {
                    KernelSums.sumInputs(dz[0], columnSample, columnValue, x.input, columnStart[p],
                            columnStart[p + 1], dWt[0], p * sizes[1], sizes[1]);
                }
            }
        }
        int samples = to - from;
        for (int l = 1; l < dWt.length; l++) {
            products.multiply(act[l], 1, sizes[l], dz[l], sizes[l + 1], dWt[l], sizes[l], samples);
        }
        for (int l = 0; l < db.length; l++) {
            KernelSums.sum(dz[l], identity, ones, 0, to - from, db[l], 0, db[l].length);
        }
    }

    /**
     * Meets a gradients call's images [from, to) of {@code indices}: whether they are the last
     * call's ({@link #again}), and if not, whether they are inked enough for the dense sums.
     */
    void meet(SparseImages x, int[] indices) {
        int count = to - from;
        again = x == lastSource && Arrays.equals(lastImages, 0, Math.max(0, lastCount), indices, from, to);
        if (!again) {
            if (lastImages.length < count) {
                lastImages = new int[count];
            }
            System.arraycopy(indices, from, lastImages, 0, count);
            lastCount = count;
            lastSource = x;
            inked = x.inked(indices, from, to);
            panelMade = false;
        }
    }

    /** The lists of inked pixels by block of {@link #listWidth} images: where each block's begin. */
    int[] inkedPixelsStart() {
        return listed ? inkedPixelsStart : null;
    }

    /** The inked pixels by block of {@link #listWidth} images (see {@link #inkedPixelsStart}). */
    char[] inkedPixels() {
        return listed ? inkedPixels : null;
    }

    /** How many images or pixels the lists group ({@link NativeSums#listWidth}). */
    int listWidth() {
        return width;
    }

    /**
     * Whether this chunk's images are met again ({@link #meet}), so that its copies of them
     * ({@link #rows}, {@link #panel}) and the lists are ready: the second gradients call on the
     * same images makes them, later ones reuse them.
     */
    boolean ready(SparseImages x, int[] indices) {
        if (!again) {
            return false;
        }
        if (!panelMade) {
            makePanel(x, indices);
        }
        panelInUse = true;
        return true;
    }

    /** The chunk's images in its order, image s at [s * pixels, (s + 1) * pixels), once {@link #ready}. */
    byte[] rows() {
        return panelRows;
    }

    /** The panel of the chunk's images ({@link #panel}'s field) once {@link #ready}, or null where none is made. */
    byte[] panel() {
        return NativeSums.panels() ? panel : null;
    }

    private void makePanel(SparseImages x, int[] indices) {
        int count = to - from;
        int pixels = sizes[0];
        if (panelRows.length < count * pixels) {
            panelRows = new byte[count * pixels];
        }
        byte[] bytes = x.pixels;
        for (int s = 0; s < count; s++) {
            System.arraycopy(bytes, indices[from + s] * pixels, panelRows, s * pixels, pixels);
        }
        if (NativeSums.panels()) {
            int padded = (count + 15) / 16 * 16;
            if (panel.length < padded * pixels) {
                panel = new byte[padded * pixels];
            }
            for (int s = 0; s < padded; s++) {
                int at = (s >> 4) * 16 * pixels + (s & 15);
                for (int p = 0; p < pixels; p++) {
                    panel[at + p * 16] = s < count ? panelRows[s * pixels + p] : 0;
                }
            }
        }
        listed = pixels <= Character.MAX_VALUE + 1; // the lists hold pixels as chars
        if (!listed) {
            panelMade = true;
            return;
        }
        int blocks = (count + width - 1) / width;
        if (inkedPixelsStart.length < blocks + 1) {
            inkedPixelsStart = new int[blocks + 1];
        }
        if (inkedPixels.length < blocks * pixels) {
            inkedPixels = new char[blocks * pixels];
        }
        int k = 0;
        for (int b = 0; b < blocks; b++) {
            inkedPixelsStart[b] = k;
            int last = Math.min(count, b * width + width);
            for (int p = 0; p < pixels; p++) {
                int any = 0;
                for (int s = b * width; s < last; s++) {
                    any |= panelRows[s * pixels + p];
                }
                if (any != 0) {
                    inkedPixels[k++] = (char) p;
                }
            }
        }
        inkedPixelsStart[blocks] = k;
        int groups = pixels / width;
        if (inkedSamplesStart.length < groups + 1) {
            inkedSamplesStart = new int[groups + 1];
        }
        if (inkedSamples.length < groups * count) {
            inkedSamples = new char[groups * count];
        }
        k = 0;
        for (int g = 0; g < groups; g++) {
            inkedSamplesStart[g] = k;
            for (int s = 0; s < count; s++) {
                int any = 0;
                for (int p = g * width, at = s * pixels + p; p < g * width + width; p++, at++) {
                    any |= panelRows[at];
                }
                if (any != 0) {
                    inkedSamples[k++] = (char) s;
                }
            }
        }
        inkedSamplesStart[groups] = k;
        panelMade = true;
    }

    /** The chunk's images' pixels regrouped by pixel (a counting sort of the sparse images). */
    private void makeColumns(SparseImages x, int[] indices) {
        columnSource = x;
        columnCount = to - from;
        if (columnImages.length < columnCount) {
            columnImages = new int[columnCount];
        }
        System.arraycopy(indices, from, columnImages, 0, columnCount);
        int pixels = columnStart.length - 1;
        Arrays.fill(columnStart, 0);
        int nonZero = 0;
        for (int s = from; s < to; s++) {
            int image = indices[s];
            for (int k = x.start[image]; k < x.start[image + 1]; k++) {
                columnStart[x.index[k] + 1]++;
            }
            nonZero += x.start[image + 1] - x.start[image];
        }
        if (columnSample.length < nonZero) {
            columnSample = new char[nonZero];
            columnValue = new byte[nonZero];
        }
        for (int p = 0; p < pixels; p++) {
            columnStart[p + 1] += columnStart[p];
        }
        for (int s = from; s < to; s++) { // columnStart[p] serves as pixel p's cursor, then is restored
            int image = indices[s];
            for (int k = x.start[image]; k < x.start[image + 1]; k++) {
                int at = columnStart[x.index[k]]++;
                columnSample[at] = (char) (s - from);
                columnValue[at] = x.value[k];
            }
        }
        for (int p = pixels; p > 0; p--) {
            columnStart[p] = columnStart[p - 1];
        }
        columnStart[0] = 0;
    }

    /** Ready for the chunk's samples; dW^T and db need no clearing: {@link #gradients} writes every entry. */
    void clear() {
        loss = 0;
        correct = 0;
        panelInUse = false;
    }

    /**
     * Adds the chunk's hidden activations, as its samples left them, into {@code sums}: unit by
     * unit, the samples in order, the zeros counted apart. Each layer is first copied out unit by
     * unit into {@code scratch} (at least as long as the chunk's samples times its widest hidden
     * layer), reading it as it lies, sample by sample: read a unit at a time it would be one cache
     * line from every sample's row, rows a page apart for 512 units, which memory serves slowly.
     */
    void addActivity(Activation act, HiddenStats.Sums sums, double[] scratch) {
        int samples = to - from;
        for (int l = 1; l < acts.act.length; l++) {
            double[] a = acts.act[l];
            int n = sizes[l];
            for (int s = 0, at = 0; s < samples; s++) {
                for (int i = 0; i < n; i++, at++) {
                    scratch[i * samples + s] = a[at];
                }
            }
            long zeros = sums.addNonZero(l - 1, act, scratch, 0, n * samples);
            sums.addZeros(l - 1, act, zeros);
        }
    }
}
