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
import mnistshell.data.MnistPreparation;
import mnistshell.render.AsciiDigit;
import mnistshell.render.DigitFacts;
import mnistshell.render.ProbabilityBars;
import mnistshell.session.Session;

/**
 * {@code draw}: a pad of the data's image size (28x28) drawn with the mouse, or with the arrow keys
 * and space (pen down/up: while down, moving draws). The network's probabilities for the pad are
 * recomputed after every change, on the drawing prepared as MNIST's digits were (fitted to 20x20
 * and centred by its centre of mass; shown beside the pad; {@code p} turns this off and on).
 * {@code c} clears, Enter keeps the drawing in the session's drawn set, prepared and as drawn (and
 * clears the pad for the next one), {@code q} or Esc leaves.
 */
public final class DrawPad extends Panel {

    static final String KEYS = "mouse or arrows+space draw  c clear  p prepare on/off  Enter keep  q leave";

    private final Session session;
    private final Canvas canvas;
    private final List<Integer> kept = new ArrayList<>();
    private int row;
    private int col;
    private boolean penDown;
    private int[] lastDrag;
    private double[] probabilities;
    private String message;
    /** Whether the network sees the drawing prepared as MNIST's digits, or as drawn. */
    private boolean prepare = true;

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
        } else if (c == 'p') {
            prepare = !prepare;
            predict();
            message = prepare ? "the network sees the drawing fitted to 20x20 and centred, as MNIST's"
                    : "the network sees the drawing as drawn";
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
        int n = session.drawn().add(seen(), canvas.pixels());
        kept.add(n);
        canvas.clear();
        predict();
        message = "kept as drawn:" + n + " (show drawn:" + n + ")";
    }

    private void predict() {
        probabilities = session.probabilities(seen());
    }

    /** The pixels the network is shown: the pad's, prepared unless {@code p} turned that off. */
    byte[] seen() {
        return prepare ? MnistPreparation.prepare(canvas.pixels(), canvas.rows(), canvas.cols()) : canvas.pixels();
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
        List<String> bars = ProbabilityBars.lines(probabilities, barWidth);
        putLines(g, x, 1, bars);
        if (prepare) {
            int step = size.getColumns() - x >= canvas.cols() ? 1 : 2;
            List<String> small = AsciiDigit.small(AsciiDigit.grey(seen()), canvas.rows(), canvas.cols(), step);
            if (bars.size() + 3 + small.size() < size.getRows()) {
                g.putString(x, bars.size() + 2, "as the network sees it:");
                putLines(g, x, bars.size() + 3, small);
            }
        }
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
