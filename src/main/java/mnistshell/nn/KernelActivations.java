package mnistshell.nn;

/**
 * Each layer's Z, A and dZ for up to {@link #capacity} samples, the samples as rows: what
 * {@link KernelLayers} makes for a chunk. A chunk of a gradients call keeps its own until its dW is
 * made and the hidden statistics are read ({@link KernelChunk#own}); an evaluation's chunks share
 * their worker's, so evaluating many images needs no more memory than evaluating a few.
 */
final class KernelActivations {
    final int capacity;
    /**
     * Layer 1's sums for each sample, (samples, n_1), flat: sample s at s * n_1; the bias is added
     * in place, so that z1 becomes z[1].
     */
    final double[] z1;
    /** z[l] and act[l]: hidden layer l's Z and A (l >= 1), (samples, n_l), flat; z[1] is z1. */
    final double[][] z;
    final double[][] act;
    /** dz[l]: dz of layer l+1 for each sample, (samples, n_{l+1}), flat: sample s at s * n_{l+1}. */
    final double[][] dz;

    KernelActivations(int[] sizes, int capacity) {
        int layers = sizes.length - 1;
        this.capacity = capacity;
        z1 = new double[capacity * sizes[1]];
        z = new double[layers][];
        act = new double[layers][];
        dz = new double[layers][];
        for (int l = 0; l < layers; l++) {
            dz[l] = new double[capacity * sizes[l + 1]];
            if (l > 0) {
                z[l] = l == 1 ? z1 : new double[capacity * sizes[l]];
                act[l] = new double[capacity * sizes[l]];
            }
        }
    }

    /** How many doubles these take for layer sizes {@code sizes} and {@code capacity} samples. */
    static long doubles(int[] sizes, int capacity) {
        long units = 0;
        for (int l = 1; l < sizes.length; l++) {
            units += sizes[l] * (l + 1 < sizes.length ? 3L : 1L); // z, act and dz for hidden layers; dz for the output
        }
        return capacity * units;
    }
}
