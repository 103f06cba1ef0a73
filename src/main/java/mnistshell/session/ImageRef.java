package mnistshell.session;

import mnistshell.render.AsciiDigit;
import mnistshell.render.DigitFacts;

/**
 * One image the viewer can show: image {@code index} of the loaded data, or, when {@code drawn},
 * drawn image {@code index} of {@link Session#drawn()}. Written {@code N} or {@code drawn:N}.
 */
public record ImageRef(boolean drawn, int index) {

    public static final String DRAWN_PREFIX = "drawn:";

    public static ImageRef data(int index) {
        return new ImageRef(false, index);
    }

    public static ImageRef drawn(int index) {
        return new ImageRef(true, index);
    }

    /** Its pixels as grey values 0..255, row by row. */
    public int[] grey(Session session) {
        return drawn ? AsciiDigit.grey(session.drawn().get(index)) : AsciiDigit.grey(session.data(), index);
    }

    public double[] probabilities(Session session) {
        return drawn ? session.probabilities(session.drawn().get(index)) : session.probabilities(index);
    }

    /** "train", "test" or "drawn". */
    public String set(Session session) {
        return drawn ? "drawn" : session.split().sideOf(index);
    }

    public DigitFacts facts(Session session) {
        String name = drawn ? DRAWN_PREFIX + index + " of " + session.drawn().size()
                : "image " + index + " of " + session.data().size();
        return new DigitFacts(name, set(session), drawn ? -1 : session.data().label(index), probabilities(session));
    }

    @Override
    public String toString() {
        return drawn ? DRAWN_PREFIX + index : Integer.toString(index);
    }
}
