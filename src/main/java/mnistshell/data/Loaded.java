package mnistshell.data;

/**
 * What {@code data load} read: either labelled images (with the test set that came with them, if
 * any) or an unlabelled set for prediction. Exactly one of {@code data} and {@code unlabelled} is set.
 *
 * @param data       labelled images, or null
 * @param givenTest  how many of {@code data}'s images, at its end, are a test set that came with the
 *                   data (MNIST's t10k); 0 when none did
 * @param unlabelled images without labels, or null
 * @param format     what the content was recognised as, for messages
 */
public record Loaded(Dataset data, int givenTest, UnlabelledSet unlabelled, String format) {

    public static Loaded labelled(Dataset data, int givenTest, String format) {
        return new Loaded(data, givenTest, null, format);
    }

    public static Loaded unlabelled(UnlabelledSet set, String format) {
        return new Loaded(null, 0, set, format);
    }

    public boolean isLabelled() {
        return data != null;
    }

    /** The split that came with the data (train first, then the given test images), or null. */
    public Split givenSplit() {
        if (givenTest == 0) {
            return null;
        }
        int train = data.size() - givenTest;
        return new Split(java.util.stream.IntStream.range(0, train).toArray(),
                java.util.stream.IntStream.range(train, data.size()).toArray(), 0);
    }
}
