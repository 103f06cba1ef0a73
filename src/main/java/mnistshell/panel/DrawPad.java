package mnistshell.panel;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.MouseAction;
import com.googlecode.lanterna.screen.Screen;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import mnistshell.render.AsciiDigit;
import mnistshell.render.DigitFacts;
import mnistshell.render.ProbabilityBars;
import mnistshell.session.Session;

/**
 * {@code draw}: a pad of the data's image size (28x28) drawn with the mouse, or with the arrow keys
 * and space (pen down/up: while down, moving draws). The network's probabilities for the pad are
 * recomputed after every change. {@code c} clears, Enter keeps the drawing in the session's drawn
 * set (and clears the pad for the next one), {@code q} or Esc leaves.
 */
public final class DrawPad extends Panel {

    static final String KEYS = "mouse or arrows+space draw  c clear  Enter keep  q leave";

    private final Session session;
    private final Canvas canvas;
    private final List<Integer> kept = new ArrayList<>();
    private int row;
    private int col;
    private boolean penDown;
    private int[] lastDrag;
    private double[] probabilities;
    private String message;

    DrawPad(Screen screen, Session session) {
        super(screen);
        this.session = session;
        this.canvas = new Canvas(session.data().rows(), session.data().cols());
        this.row = canvas.rows() / 2;
        this.col = canvas.cols() / 2;
        predict();
    }

    /** Runs the pad; returns the numbers of the drawn images kept with Enter. */
    public static List<Integer> open(Screens screens, Session session) throws IOException {
        return Panels.run(screens, true, screen -> new DrawPad(screen, session)).kept();
    }

    Canvas canvas() {
        return canvas;
    }

    double[] probabilities() {
        return probabilities.clone();
    }

    List<Integer> kept() {
        return kept;
    }

    @Override
    boolean handle(KeyStroke key) {
        message = null;
        if (key instanceof MouseAction mouse) {
            mouse(mouse);
            return true;
        }
        if (isQuit(key)) {
            return false;
        }
        switch (key.getKeyType()) {
            case ArrowUp -> move(-1, 0);
            case ArrowDown -> move(1, 0);
            case ArrowLeft -> move(0, -1);
            case ArrowRight -> move(0, 1);
            case Enter -> keep();
            case Character -> character(key.getCharacter());
            default -> { }
        }
        return true;
    }

    private void character(char c) {
        if (c == ' ') {
            penDown = !penDown;
            if (penDown) {
                canvas.dab(row, col);
                predict();
            }
        } else if (c == 'c') {
            canvas.clear();
            predict();
        }
    }

    private void move(int dr, int dc) {
        row = Math.max(0, Math.min(canvas.rows() - 1, row + dr));
        col = Math.max(0, Math.min(canvas.cols() - 1, col + dc));
        if (penDown) {
            canvas.dab(row, col);
            predict();
        }
    }

    /** A press starts a stroke, a drag continues it from where the last event was. */
    private void mouse(MouseAction mouse) {
        int r = mouse.getPosition().getRow() - 1;
        int c = mouse.getPosition().getColumn() / 2;
        boolean onPad = r >= 0 && r < canvas.rows() && c >= 0 && c < canvas.cols();
        if (mouse.isMouseUp() || !onPad || !(mouse.isMouseDown() || mouse.isMouseDrag())) {
            lastDrag = null;
            return;
        }
        if (mouse.isMouseDrag() && lastDrag != null) {
            canvas.stroke(lastDrag[0], lastDrag[1], r, c);
        } else {
            canvas.dab(r, c);
        }
        lastDrag = new int[] {r, c};
        row = r;
        col = c;
        predict();
    }

    private void keep() {
        if (canvas.blank()) {
            message = "nothing drawn yet";
            return;
        }
        int n = session.drawn().add(canvas.pixels());
        kept.add(n);
        canvas.clear();
        predict();
        message = "kept as drawn:" + n + " (show drawn:" + n + ")";
    }

    private void predict() {
        probabilities = session.probabilities(canvas.pixels());
    }

    @Override
    void paint(TextGraphics g, TerminalSize size) {
        DigitFacts facts = new DigitFacts("pad", "drawn", -1, probabilities);
        g.putString(0, 0, "draw: predicted " + facts.predicted()
                + String.format(" (%.1f%%)", 100 * probabilities[facts.predicted()])
                + (penDown ? "  pen down" : "  pen up"));
        if (size.getRows() < canvas.rows() + 2) {
            g.putString(0, 1, "the pad needs " + (canvas.rows() + 2) + " rows: make the terminal taller, or q");
            return;
        }
        paintPad(g);
        int x = 2 * canvas.cols() + 3;
        int barWidth = Math.max(3, Math.min(20, size.getColumns() - x - ProbabilityBars.extraWidth()));
        putLines(g, x, 1, ProbabilityBars.lines(probabilities, barWidth));
        g.putString(0, size.getRows() - 1, message != null ? message : KEYS);
    }

    /** The pad on a dim background so its edges show; the cursor cell in reverse video. */
    private void paintPad(TextGraphics g) {
        List<String> lines = AsciiDigit.lines(canvas.grey(), canvas.rows(), canvas.cols());
        g.setBackgroundColor(TextColor.ANSI.BLACK_BRIGHT);
        putLines(g, 0, 1, lines);
        g.setBackgroundColor(TextColor.ANSI.DEFAULT);
        g.enableModifiers(SGR.REVERSE);
        g.putString(2 * col, row + 1, lines.get(row).substring(2 * col, 2 * col + 2));
        g.disableModifiers(SGR.REVERSE);
    }
}
