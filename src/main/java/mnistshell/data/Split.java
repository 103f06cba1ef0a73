package mnistshell.data;

import java.util.Random;

/**
 * Which images train the network and which test it: the seed notebook's {@code np.random.shuffle}
 * followed by "the first N are the test set", made reproducible with a seed.
 *
 * @param train indices into the dataset of the training images
 * @param test  indices into the dataset of the held-out test images
 * @param seed  the seed of the shuffle, so the split can be made again
 */
public record Split(int[] train, int[] test, long seed) {

    /** Shuffles {@code 0..size-1} with {@code seed} (Fisher-Yates) and holds out the first {@code testCount}. */
    public static Split shuffled(int size, int testCount, long seed) {
        if (testCount < 0 || testCount >= size) {
            throw new IllegalArgumentException("test count " + testCount + " out of 0.." + (size - 1));
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
        int[] train = java.util.Arrays.copyOfRange(order, testCount, size);
        return new Split(train, test, seed);
    }

    /** "train" or "test": which side of the split image {@code index} of the dataset is on. */
    public String sideOf(int index) {
        for (int t : test) {
            if (t == index) {
                return "test";
            }
        }
        return "train";
    }
}
