package mnistshell.panel;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import java.io.IOException;
import mnistshell.render.AsciiDigit;
import mnistshell.render.DigitFacts;
import mnistshell.render.ProbabilityBars;
import mnistshell.session.ImageRef;
import mnistshell.session.Session;

/**
 * The digit viewer of {@code show}: the header line of facts, the digit as ASCII art (halved to 14x14
 * when the terminal has fewer than {@value #FULL_ROWS} rows), the ten probabilities as bars beside
 * it, and a line of keys at the bottom.
 */
public final class DigitPanel extends Panel {

    /** Header, 28 rows of digit, the key line. */
    static final int FULL_ROWS = 30;
    static final String KEYS = "<-/-> image  w/W next/prev wrong  t next set  g go to  q back";

    private final Session session;
    private final Browser browser;
    private String message;
    private StringBuilder typed;

    DigitPanel(Screen screen, Session session, ImageRef start) {
        super(screen);
        this.session = session;
        this.browser = new Browser(session, start);
    }

    /** Shows {@code start} full-screen and returns when the user leaves. */
    public static void open(Screens screens, Session session, ImageRef start) throws IOException {
        Panels.run(screens, false, screen -> new DigitPanel(screen, session, start));
    }

    ImageRef current() {
        return browser.current();
    }

    @Override
    boolean handle(KeyStroke key) {
        message = null;
        if (typed != null) {
            return typeIndex(key);
        }
        if (isQuit(key)) {
            return false;
        }
        switch (key.getKeyType()) {
            case ArrowRight -> browser.next();
            case ArrowLeft -> browser.previous();
            case Character -> command(key.getCharacter());
            default -> { }
        }
        return true;
    }

    private void command(char c) {
        switch (c) {
            case 'w', 'W' -> {
                String set = browser.set().name().toLowerCase();
                if (browser.set() == Browser.Set.DRAWN || browser.set() == Browser.Set.UNLABELLED) {
                    message = "the " + set + " images have no labels, so none is misclassified";
                } else if (!browser.nextWrong(c == 'w' ? 1 : -1)) {
                    message = "no misclassified image in the " + set + " set";
                }
            }
            case 't' -> browser.toggleSet();
            case 'g' -> typed = new StringBuilder();
            default -> message = KEYS;
        }
    }

    /** While {@code g} waits for an index: digits, Backspace, Enter to go, Esc to give up. */
    private boolean typeIndex(KeyStroke key) {
        switch (key.getKeyType()) {
            case Character -> {
                if (Character.isDigit(key.getCharacter()) && typed.length() < 9) {
                    typed.append(key.getCharacter());
                }
            }
            case Backspace -> typed.setLength(Math.max(0, typed.length() - 1));
            case Enter -> goTo(typed.toString());
            case Escape -> typed = null;
            default -> { }
        }
        return true;
    }

    private void goTo(String text) {
        typed = null;
        int size = session.data().size();
        if (text.isEmpty() || Integer.parseInt(text) >= size) {
            message = "image index must be between 0 and " + (size - 1);
        } else {
            browser.jump(Integer.parseInt(text));
        }
    }

    @Override
    void paint(TextGraphics g, TerminalSize size) {
        ImageRef ref = browser.current();
        DigitFacts facts = ref.facts(session);
        g.putString(0, 0, facts.header());
        int rows = session.data().rows();
        int cols = session.data().cols();
        int[] grey = ref.grey(session);
        if (size.getRows() < FULL_ROWS) {
            grey = AsciiDigit.halve(grey, rows, cols);
            rows = (rows + 1) / 2;
            cols = (cols + 1) / 2;
        }
        putLines(g, 0, 1, AsciiDigit.lines(grey, rows, cols));
        int barWidth = Math.max(3, Math.min(20, size.getColumns() - 2 * cols - 3 - ProbabilityBars.extraWidth()));
        putLines(g, 2 * cols + 3, 1, ProbabilityBars.lines(facts.probabilities(), barWidth));
        g.putString(0, size.getRows() - 1, footer());
    }

    private String footer() {
        if (typed != null) {
            return "go to image (Enter to go, Esc to cancel): " + typed + "_";
        }
        return message != null ? message : KEYS;
    }
}
