package mnistshell.session;

import java.util.BitSet;
import mnistshell.data.Dataset;

/** Images of one dataset found again in another, by content: how a run knows what it trained on in new data. */
final class SameImages {

    private SameImages() {
    }

    /**
     * The images of {@code now} equal (pixels and label) to one of {@code before} marked in
     * {@code marked}: the network trained on those whatever their index in the new file.
     */
    static BitSet among(Dataset before, BitSet marked, Dataset now) {
        BitSet same = new BitSet();
        if (marked.isEmpty() || before.features() != now.features()) {
            return same;
        }
        // the pixels as views into the datasets' arrays, not copies; each with the labels it was seen with
        java.util.Map<java.nio.ByteBuffer, Integer> labels = new java.util.HashMap<>();
        for (int i = marked.nextSetBit(0); i >= 0; i = marked.nextSetBit(i + 1)) {
            labels.merge(pixels(before, i), 1 << before.label(i), (a, b) -> a | b);
        }
        for (int i = 0; i < now.size(); i++) {
            Integer seenWith = labels.get(pixels(now, i));
            if (seenWith != null && (seenWith & 1 << now.label(i)) != 0) {
                same.set(i);
            }
        }
        return same;
    }

    private static java.nio.ByteBuffer pixels(Dataset d, int i) {
        return java.nio.ByteBuffer.wrap(d.pixels(), i * d.features(), d.features()).slice();
    }

}
