package mnistshell.session;

import java.util.ArrayList;
import java.util.List;

/**
 * Images drawn on the pad and kept with Enter: unlabelled, reachable as {@code drawn:N}, and never
 * part of the training or test set (they are not in the {@link mnistshell.data.Dataset}).
 */
public final class DrawnImages {

    private final int features;
    private final List<byte[]> images = new ArrayList<>();
    /** Each image as it was drawn, before the pad prepared it (the same pixels when it did not). */
    private final List<byte[]> raw = new ArrayList<>();

    public DrawnImages(int features) {
        this.features = features;
    }

    /** Keeps a copy of {@code pixels} (one byte 0..255 each) and returns its number. */
    public int add(byte[] pixels) {
        return add(pixels, pixels);
    }

    /** Keeps copies of {@code pixels}, what the network was shown, and of the {@code drawn} ones they came from. */
    public int add(byte[] pixels, byte[] drawn) {
        if (pixels.length != features || drawn.length != features) {
            throw new IllegalArgumentException("a drawn image has " + features + " pixels, not "
                    + (pixels.length != features ? pixels.length : drawn.length));
        }
        images.add(pixels.clone());
        raw.add(drawn.clone());
        return images.size() - 1;
    }

    /** A copy of drawn image {@code n} as it was drawn, before any preparation. */
    public byte[] raw(int n) {
        return raw.get(n).clone();
    }

    /** A copy of drawn image {@code n}. */
    public byte[] get(int n) {
        return images.get(n).clone();
    }

    public int size() {
        return images.size();
    }
}
