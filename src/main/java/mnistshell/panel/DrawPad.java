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
import mnistshell.inspect.OneImage;
import mnistshell.render.AsciiDigit;
import mnistshell.render.DigitFacts;
import mnistshell.render.ProbabilityBars;
import mnistshell.render.WeightImage;
import mnistshell.session.Session;

/**
 * {@code draw}: a pad of the data's image size (28x28) drawn with the mouse, or with the arrow keys
 * and space (pen down/up: while down, moving draws). The network's probabilities for the pad are
 * recomputed after every change, on the drawing prepared as MNIST's digits were (fitted to 20x20
 * and centred by its centre of mass; shown beside the pad; {@code p} turns this off and on), and
 * so is the saliency of what the network sees ({@link OneImage}: how the predicted class's
 * probability moves with each pixel), shown beside it, as {@code predict drawn:N --saliency} would.
 * {@code c} clears, Enter keeps the drawing in the session's drawn set, prepared and as drawn (and
 * clears the pad for the next one), {@code q} or Esc leaves.
 */
public final class DrawPad extends Panel {

    static final String KEYS = "mouse or arrows+space draw  c clear  p prepare on/off  Enter keep  q leave";
    /** Columns between the prepared image and its saliency. */
    static final int GAP = 3;
    /** Under the saliency, what its characters mean; N is the predicted class. */
    static final String[] LEGEND = {".+*# ink raises p(N)", ",-=% lowers it"};

    private final Session session;
    private final Canvas canvas;
    private final List<Integer> kept = new ArrayList<>();
    private int row;
    private int col;
    private boolean penDown;
    private int[] lastDrag;
    private double[] probabilities;
    private OneImage inside;
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

    /** d p(predicted) / d pixel for the pixels the network is shown. */
    double[] saliency() {
        return inside.saliency().clone();
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
        byte[] seen = seen();
        probabilities = session.probabilities(seen);
        double[] x = new double[seen.length];
        for (int p = 0; p < x.length; p++) {
            x[p] = session.data().input(seen[p]);
        }
        inside = session.network().isLayered() ? OneImage.saliency(session.network(), x)
                : OneImage.of(session.network(), x);
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
        paintPictures(g, x, bars.size() + 1, size);
        g.putString(0, size.getRows() - 1, message != null ? message : KEYS);
    }

    /**
     * Under the bars, the prepared image (when on) and the saliency, in the largest of the layouts
     * that fits from row {@code top} to the key line: side by side or one over the other, a
     * character per pixel (two rows a character) or per 2x2 pixels. Without room, a line says so.
     */
    private void paintPictures(TextGraphics g, int x, int top, TerminalSize size) {
        int width = size.getColumns() - x;
        int height = size.getRows() - 1 - top;
        int shown = prepare ? 2 : 1;
        for (int step = 1; step <= 2; step++) {
            int w = (canvas.cols() + step - 1) / step;
            int h = 1 + (canvas.rows() + 2 * step - 1) / (2 * step);
            for (boolean across : new boolean[] {true, false}) {
                int needW = across ? shown * w + (shown - 1) * GAP : w;
                int needH = (across ? h : shown * h) + LEGEND.length;
                if (needW <= width && needH <= height) {
                    int y = top + (needH < height ? 1 : 0); // a blank line under the bars when there is room
                    paintPictures(g, x, y, step, across ? w + GAP : 0, across ? 0 : h);
                    return;
                }
            }
        }
        if (height > 0) {
            g.putString(x, top, "a larger terminal shows the saliency");
        }
    }

    /** The pictures at {@code step}, the second {@code dx} right of and {@code dy} below the first. */
    private void paintPictures(TextGraphics g, int x, int y, int step, int dx, int dy) {
        int rows = canvas.rows();
        int cols = canvas.cols();
        if (prepare) {
            g.putString(x, y, "prepared");
            putLines(g, x, y + 1, AsciiDigit.small(AsciiDigit.grey(seen()), rows, cols, step));
            x += dx;
            y += dy;
        }
        int c = inside.predicted();
        g.putString(x, y, "saliency p(" + c + ")");
        List<String> picture = WeightImage.small(inside.saliency(), rows, cols, step);
        WeightGallery.putWeights(g, x, y + 1, picture);
        for (int i = 0; i < LEGEND.length; i++) {
            g.putString(x, y + 1 + picture.size() + i, LEGEND[i].replace("N", String.valueOf(c)));
        }
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
