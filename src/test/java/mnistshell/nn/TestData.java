package mnistshell.nn;

import java.util.Random;
import mnistshell.data.Dataset;

/** Random datasets for tests: sparse bytes like MNIST's, labels 0..9. */
public final class TestData {

    private TestData() {
    }

    public static Dataset random(int count, int rows, int cols, long seed) {
        return random(count, rows, cols, seed, 1, 3);
    }

    /** As above, each pixel inked with chance {@code ink} in {@code in} (else 0). */
    public static Dataset random(int count, int rows, int cols, long seed, int ink, int in) {
        Random random = new Random(seed);
        byte[] pixels = new byte[count * rows * cols];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextInt(in) < ink ? (byte) random.nextInt(256) : 0;
        }
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            labels[i] = (byte) random.nextInt(Dataset.CLASSES);
        }
        return new Dataset("random(" + seed + ")", rows, cols, pixels, labels);
    }

    public static int[] range(int n) {
        return java.util.stream.IntStream.range(0, n).toArray();
    }
}
