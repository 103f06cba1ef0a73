package mnistshell.session;

import mnistshell.render.AsciiDigit;
import mnistshell.render.DigitFacts;

/**
 * One image the viewer can show: image {@code index} of the loaded data ({@code N}), of the drawn
 * images ({@code drawn:N}, {@link Session#drawn()}), or of the unlabelled set loaded beside the data
 * ({@code unlabelled:N}, {@link Session#unlabelled()}, such as Kaggle's test.csv).
 */
public record ImageRef(Kind kind, int index) {

    /** Which images {@link #index} counts in. */
    public enum Kind { DATA, DRAWN, UNLABELLED }

    public static final String DRAWN_PREFIX = "drawn:";
    public static final String UNLABELLED_PREFIX = "unlabelled:";

    public static ImageRef data(int index) {
        return new ImageRef(Kind.DATA, index);
    }

    public static ImageRef drawn(int index) {
        return new ImageRef(Kind.DRAWN, index);
    }

    public static ImageRef unlabelled(int index) {
        return new ImageRef(Kind.UNLABELLED, index);
    }

    /** Whether it has a label: only images of the loaded data do. */
    public boolean labelled() {
        return kind == Kind.DATA;
    }

    /** Its stored pixels, for images outside the loaded data. */
    private byte[] pixels(Session session) {
        return kind == Kind.DRAWN ? session.drawn().get(index) : session.unlabelled().image(index);
    }

    /** Its pixels as grey values 0..255, row by row. */
    public int[] grey(Session session) {
        return labelled() ? AsciiDigit.grey(session.data(), index) : AsciiDigit.grey(pixels(session));
    }

    /** Its inputs as the network sees them (normalised or raw, as the loaded data is), row by row. */
    public double[] input(Session session) {
        double[] x = new double[session.data().features()];
        byte[] stored = labelled() ? null : pixels(session);
        for (int p = 0; p < x.length; p++) {
            x[p] = labelled() ? session.data().pixel(index, p) : session.data().input(stored[p]);
        }
        return x;
    }

    public double[] probabilities(Session session) {
        return labelled() ? session.probabilities(index) : session.probabilities(pixels(session));
    }

    /** "train", "test", "drawn" or "unlabelled". */
    public String set(Session session) {
        return switch (kind) {
            case DATA -> session.split().sideOf(index);
            case DRAWN -> "drawn";
            case UNLABELLED -> "unlabelled";
        };
    }

    public DigitFacts facts(Session session) {
        String name = switch (kind) {
            case DATA -> "image " + index + " of " + session.data().size();
            case DRAWN -> DRAWN_PREFIX + index + " of " + session.drawn().size();
            case UNLABELLED -> UNLABELLED_PREFIX + index + " of " + session.unlabelled().size();
        };
        return new DigitFacts(name, set(session), labelled() ? session.data().label(index) : -1,
                probabilities(session));
    }

    @Override
    public String toString() {
        return switch (kind) {
            case DATA -> Integer.toString(index);
            case DRAWN -> DRAWN_PREFIX + index;
            case UNLABELLED -> UNLABELLED_PREFIX + index;
        };
    }
}
