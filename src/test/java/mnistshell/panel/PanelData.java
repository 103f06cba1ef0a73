package mnistshell.panel;

import java.util.Arrays;
import mnistshell.data.Dataset;
import mnistshell.data.Split;
import mnistshell.nn.TestData;
import mnistshell.nn.Evaluation;
import mnistshell.nn.ReferenceEngine;
import mnistshell.session.Session;

/** A small session whose image 0 is drawn by hand; the rest are random. */
final class PanelData {

    static final int SIDE = 28;

    private PanelData() {
    }

    /** Image 0: a 2x2 block of full ink at rows 4-5, columns 6-7, and one faint pixel (value 1) at (20, 20). */
    static Session session() {
        Dataset random = TestData.random(60, SIDE, SIDE, 3);
        byte[] pixels = random.pixels().clone();
        Arrays.fill(pixels, 0, SIDE * SIDE, (byte) 0);
        for (int r = 4; r <= 5; r++) {
            for (int c = 6; c <= 7; c++) {
                pixels[r * SIDE + c] = (byte) 255;
            }
        }
        pixels[20 * SIDE + 20] = 1;
        Dataset data = new Dataset("hand-made", SIDE, SIDE, pixels, random.labels());
        return new Session(data, Split.shuffled(data.size(), 20, 1), 1);
    }

    static int positionOf(int[] indices, int image) {
        for (int p = 0; p < indices.length; p++) {
            if (indices[p] == image) {
                return p;
            }
        }
        throw new AssertionError(image + " not in the set");
    }

    /** The next image of {@code indices} after {@code image} that the reference network gets wrong. */
    static int nextWrong(Session s, int[] indices, int image) {
        int from = positionOf(indices, image);
        for (int i = 1; i <= indices.length; i++) {
            int candidate = indices[(from + i) % indices.length];
            int predicted = Evaluation.argmax(ReferenceEngine.probabilities(s.network(), s.data(), candidate));
            if (predicted != s.data().label(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("no wrong image");
    }
}
