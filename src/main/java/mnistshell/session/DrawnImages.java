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

    public DrawnImages(int features) {
        this.features = features;
    }

    /** Keeps a copy of {@code pixels} (one byte 0..255 each) and returns its number. */
    public int add(byte[] pixels) {
        if (pixels.length != features) {
            throw new IllegalArgumentException("a drawn image has " + features + " pixels, not " + pixels.length);
        }
        images.add(pixels.clone());
        return images.size() - 1;
    }

    /** A copy of drawn image {@code n}. */
    public byte[] get(int n) {
        return images.get(n).clone();
    }

    public int size() {
        return images.size();
    }
}
