package mnistshell.data;

import java.util.Random;

/**
 * Which images train the network and which test it: the seed notebook's {@code np.random.shuffle}
 * followed by "the first N are the test set", made reproducible with a seed.
 *
 * @param train indices into the dataset of the training images
 * @param test  indices into the dataset of the held-out test images
 * @param seed  the seed of the shuffle, so the split can be made again
 * @param val   indices of the held-out validation images (empty when there are none): the ones to
 *              tune on, so that the test images stay unseen by every choice made
 */
public record Split(int[] train, int[] test, long seed, int[] val) {

    /** A split without validation images. */
    public Split(int[] train, int[] test, long seed) {
        this(train, test, seed, new int[0]);
    }

    /** Whether validation images are held out. */
    public boolean hasValidation() {
        return val.length > 0;
    }

    /** The images the network is judged on while training: validation ones if any, else the test ones. */
    public int[] heldOutMetricImages() {
        return hasValidation() ? val : test;
    }

    /** Shuffles {@code 0..size-1} with {@code seed} (Fisher-Yates) and holds out the first {@code testCount}. */
    public static Split shuffled(int size, int testCount, long seed) {
        return shuffled(size, testCount, 0, seed);
    }

    /**
     * As {@link #shuffled(int, int, long)}, then the next {@code valCount} of the same shuffle are
     * validation images: with none, the split is exactly the one without validation.
     */
    public static Split shuffled(int size, int testCount, int valCount, long seed) {
        if (testCount < 0 || valCount < 0 || (long) testCount + valCount >= size) {
            throw new IllegalArgumentException("test " + testCount + " + validation " + valCount
                    + " out of 0.." + (size - 1));
        }
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] test = java.util.Arrays.copyOfRange(order, 0, testCount);
        int[] val = java.util.Arrays.copyOfRange(order, testCount, testCount + valCount);
        int[] train = java.util.Arrays.copyOfRange(order, testCount + valCount, size);
        return new Split(train, test, seed, val);
    }

    /** "train", "test" or "val": which side of the split image {@code index} of the dataset is on. */
    public String sideOf(int index) {
        for (int t : test) {
            if (t == index) {
                return "test";
            }
        }
        for (int v : val) {
            if (v == index) {
                return "val";
            }
        }
        return "train";
    }
}
