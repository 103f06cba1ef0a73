package mnistshell.nn;

import mnistshell.data.Dataset;
import mnistshell.data.EmbeddedSample;
import mnistshell.nn.layer.LayerSpec;
import mnistshell.nn.layer.Param;
import mnistshell.nn.layer.Sequential;
import mnistshell.nn.layer.Shape;

/** Real MNIST digits from the embedded sample, shrunk to small maps, and small nets over them, for the layer engines' tests. */
final class LayerImages {

    private static Dataset sample;

    private LayerImages() {
    }

    /**
     * {@code count} samples of {@code channels} maps of height x width, each map a different
     * sample digit read at every (28 / size)-th pixel (nearest): channel c of sample s is digit
     * {@code s * channels + c}, and the label is channel 0's. Stored as images of (channels
     * height) x width, so that a sample's bytes are its values in the layers' order (c, y, x).
     */
    static synchronized Dataset of(int count, int channels, int height, int width) {
        if (sample == null) {
            sample = EmbeddedSample.load();
        }
        int size = channels * height * width;
        byte[] pixels = new byte[count * size];
        byte[] labels = new byte[count];
        for (int s = 0; s < count; s++) {
            labels[s] = (byte) sample.label(s * channels);
            for (int c = 0; c < channels; c++) {
                int digit = s * channels + c;
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        int p = (y * 28 / height) * 28 + x * 28 / width;
                        pixels[s * size + (c * height + y) * width + x] = (byte) sample.rawPixel(digit, p);
                    }
                }
            }
        }
        return new Dataset("sample " + channels + "x" + height + "x" + width, channels * height, width, pixels, labels);
    }

    /** {@code spec} over channels x height x width, He weights from seed 11, biases set to small non-zero values. */
    static Sequential net(String spec, Shape in, String activation) {
        int classes = Integer.parseInt(spec.substring(spec.lastIndexOf('-') + 1));
        Sequential net = LayerSpec.parse(spec, in, classes, Activation.named(activation, 0.01));
        net.initialise(Init.HE, 11);
        for (Param p : net.params()) {
            if (!p.weight()) { // so that a bias's path through the layers is exercised
                for (int i = 0; i < p.rows(); i++) {
                    p.values()[i][0] = 0.05 * (i % 3 - 1);
                }
            }
        }
        return net;
    }

    /** {@code count} images spread over [0, size), not the first ones. */
    static int[] spread(int count, int size) {
        return java.util.stream.IntStream.range(0, count).map(i -> (i * 37) % size).toArray();
    }
}
