package mnistshell.session;

import mnistshell.data.UnlabelledSet;
import mnistshell.errors.ShellError;
import mnistshell.errors.Values;
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

    /**
     * {@code N}, {@code drawn:N} or {@code unlabelled:N} as an image of the session, refused with
     * the valid range (a command reports the refusal in its name, {@code Args.value}).
     */
    public static ImageRef parse(String word, Session session) {
        if (word.startsWith(UNLABELLED_PREFIX)) {
            UnlabelledSet set = session.unlabelled();
            if (set == null || set.size() == 0) {
                throw new ShellError("no unlabelled images: load some first, e.g. data load test.csv");
            }
            if (set.features() != session.data().features()) {
                throw new ShellError("the unlabelled images have " + set.features() + " pixels but the loaded data's have "
                        + session.data().features());
            }
            return unlabelled(index(UNLABELLED_PREFIX + "N", word, UNLABELLED_PREFIX, set.size()));
        }
        if (word.startsWith(DRAWN_PREFIX)) {
            int kept = session.drawn().size();
            if (kept == 0) {
                throw new ShellError("no drawn images yet: draw one with 'draw' and keep it with Enter");
            }
            return drawn(index(DRAWN_PREFIX + "N", word, DRAWN_PREFIX, kept));
        }
        return data(index("image N", word, "", session.data().size()));
    }

    /** The number after {@code prefix} in {@code word}, from 0 to {@code size - 1}. */
    private static int index(String what, String word, String prefix, int size) {
        try {
            return Values.intIn(what, word.substring(prefix.length()), 0, size - 1);
        } catch (ShellError e) {
            throw new ShellError(what + " must be an integer from 0 to " + (size - 1) + ", found "
                    + Values.shown(word));
        }
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
