package mnistshell.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The 10,000 MNIST digits shipped inside the jar (from the repository's {@code data/}), so the shell
 * has something to train on the moment it starts. Provenance and licence: {@code data/README.md}.
 */
public final class EmbeddedSample {

    static final String IMAGES = "/mnistshell/data/mnist-10k-images-idx3-ubyte.gz";
    static final String LABELS = "/mnistshell/data/mnist-10k-labels-idx1-ubyte.gz";
    public static final String NAME = "embedded sample";

    private EmbeddedSample() {
    }

    public static Dataset load() {
        try (InputStream images = resource(IMAGES); InputStream labels = resource(LABELS)) {
            Dataset read = IdxReader.read("sample:" + IMAGES, images, "sample:" + LABELS, labels);
            return new Dataset(NAME, read.rows(), read.cols(), read.pixels(), read.labels());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = EmbeddedSample.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is missing from the jar: rebuild it");
        }
        return in;
    }
}
