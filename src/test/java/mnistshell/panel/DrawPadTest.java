package mnistshell.panel;

import static mnistshell.panel.VirtualScreen.key;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.input.MouseAction;
import com.googlecode.lanterna.input.MouseActionType;
import java.io.IOException;
import mnistshell.data.MnistPreparation;
import mnistshell.session.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.la4j.Matrix;
import org.la4j.matrix.dense.Basic2DMatrix;

/** The drawing pad on a virtual terminal: strokes, and the prediction on exactly the pad's pixels. */
@Timeout(20)
class DrawPadTest {

    final Session session = PanelData.session();

    /** The reference network's probabilities for {@code pixels}, computed here directly: x = pixel / 255. */
    double[] direct(byte[] pixels) {
        double[][] x = new double[pixels.length][1];
        for (int p = 0; p < pixels.length; p++) {
            x[p][0] = (pixels[p] & 0xFF) / 255.0;
        }
        Matrix probabilities = session.network().forward(Basic2DMatrix.from2DArray(x)).probabilities();
        double[] out = new double[probabilities.rows()];
        for (int k = 0; k < out.length; k++) {
            out[k] = probabilities.get(k, 0);
        }
        return out;
    }

    static MouseAction mouse(MouseActionType type, int x, int y) {
        return new MouseAction(type, 1, new TerminalPosition(x, y));
    }

    @Test
    void strokesChangeThePredictionAsTheNetworkComputesItOnThePadsPixels() throws IOException {
        VirtualScreen v = new VirtualScreen(100, 40);
        DrawPad pad = new DrawPad(v.screen, session);
        double[] blank = pad.probabilities();
        assertArrayEquals(direct(new byte[28 * 28]), blank, 1e-12);
        v.type(key(' '), key(KeyType.ArrowDown), key(KeyType.ArrowDown), key(KeyType.ArrowDown),
                key(' '), key(KeyType.ArrowRight), key(KeyType.ArrowRight), key(KeyType.ArrowRight),
                key(KeyType.ArrowRight), key(' '),
                key(KeyType.ArrowUp), key('q'));
        pad.run();
        byte[] pixels = pad.canvas().pixels();
        int[] grey = pad.canvas().grey();
        for (int r = 14; r <= 17; r++) {
            assertEquals(255, grey[r * 28 + 14], "pen down from (14,14) to (17,14): row " + r);
        }
        assertEquals(0, grey[17 * 28 + 16], "pen up while moving right: nothing drawn on the way");
        assertEquals(255, grey[17 * 28 + 18], "pen down again at (17,18)");
        assertEquals(255, grey[16 * 28 + 18], "and up one with the pen down");
        double[] drawn = pad.probabilities();
        assertArrayEquals(MnistPreparation.prepare(pixels, 28, 28), pad.seen(), "the network sees it prepared");
        assertArrayEquals(direct(pad.seen()), drawn, 1e-12);
        double change = 0;
        for (int k = 0; k < 10; k++) {
            change = Math.max(change, Math.abs(drawn[k] - blank[k]));
        }
        assertTrue(change > 1e-6, "the probabilities moved with the strokes");
        int best = mnistshell.nn.Evaluation.argmax(direct(pad.seen()));
        assertTrue(v.row(1 + best).endsWith("<"), "the screen marks the predicted class: " + v.row(1 + best));
        assertTrue(v.row(0).startsWith("draw: predicted " + best), v.row(0));
    }

    @Test
    void theMouseDrawsAlongItsDragAndTheBrushIsSoft() throws IOException {
        VirtualScreen v = new VirtualScreen(100, 40);
        DrawPad pad = new DrawPad(v.screen, session);
        pad.handle(mouse(MouseActionType.CLICK_DOWN, 2 * 10, 1 + 5));
        pad.handle(mouse(MouseActionType.DRAG, 2 * 20 + 1, 1 + 5));
        pad.handle(mouse(MouseActionType.CLICK_RELEASE, 2 * 20 + 1, 1 + 5));
        pad.handle(mouse(MouseActionType.MOVE, 2 * 25, 1 + 20));
        int[] grey = pad.canvas().grey();
        for (int c = 10; c <= 20; c++) {
            assertEquals(255, grey[5 * 28 + c], "the drag from column 10 to 20 leaves no gap: column " + c);
        }
        int edge = grey[4 * 28 + 15];
        assertTrue(edge > 0 && edge < 255, "grey at the stroke's edge, like MNIST's pen: " + edge);
        assertEquals(0, grey[20 * 28 + 25], "moving without a button does not draw");
        assertArrayEquals(direct(pad.seen()), pad.probabilities(), 1e-12);
        pad.draw();
        assertEquals('@', v.at(2 * 12, 1 + 5), "the stroke shows on the pad");
    }

    @Test
    void enterKeepsTheDrawingInTheDrawnSetAndCClears() throws IOException {
        VirtualScreen v = new VirtualScreen(100, 40);
        DrawPad pad = new DrawPad(v.screen, session);
        pad.handle(mouse(MouseActionType.CLICK_DOWN, 2 * 8, 1 + 8));
        byte[] drawing = pad.canvas().pixels();
        pad.handle(key(KeyType.Enter));
        assertEquals(1, session.drawn().size());
        assertArrayEquals(MnistPreparation.prepare(drawing, 28, 28), session.drawn().get(0), "drawn:0 as the network saw it");
        assertArrayEquals(drawing, session.drawn().raw(0), "and as drawn");
        assertTrue(pad.canvas().blank(), "the pad is cleared for the next drawing");
        assertEquals(java.util.List.of(0), pad.kept());
        pad.handle(mouse(MouseActionType.CLICK_DOWN, 2 * 8, 1 + 8));
        pad.handle(key('c'));
        assertTrue(pad.canvas().blank());
        assertEquals(1, session.drawn().size(), "clearing keeps nothing");
        assertEquals(60, session.data().size(), "drawn images are not added to the data");
    }

    @Test
    void anOffCentreDrawingIsCentredBesideThePadAndPTurnsThatOff() throws IOException {
        VirtualScreen v = new VirtualScreen(100, 40);
        DrawPad pad = new DrawPad(v.screen, session);
        pad.handle(mouse(MouseActionType.CLICK_DOWN, 2 * 2, 1 + 2));
        pad.handle(mouse(MouseActionType.DRAG, 2 * 2, 1 + 9));
        pad.handle(mouse(MouseActionType.CLICK_RELEASE, 2 * 2, 1 + 9));
        byte[] seen = pad.seen();
        double mass = 0;
        double r = 0;
        double c = 0;
        for (int i = 0; i < seen.length; i++) {
            mass += seen[i] & 0xFF;
            r += (i / 28) * (seen[i] & 0xFF);
            c += (i % 28) * (seen[i] & 0xFF);
        }
        assertTrue(Math.abs(r / mass - 14) <= 1 && Math.abs(c / mass - 14) <= 1,
                "a stroke near the corner is seen centred: " + r / mass + "," + c / mass);
        pad.draw();
        int label = v.rowIndexOf("prepared");
        assertTrue(label > 10, "the prepared image is shown beside the pad");
        int x = v.row(label).indexOf("prepared");
        assertEquals(2 * 28 + 3, x, "beside the pad");
        // 100 columns leave room for the 2x2-pixel pictures: 14 characters by 7 lines, ink in the middle
        String middle = v.row(label + 1 + 3).substring(x);
        assertTrue(middle.length() > 7 && middle.charAt(7) != ' ', "with its ink in the middle: '" + middle + "'");
        pad.handle(key('p'));
        assertArrayEquals(pad.canvas().pixels(), pad.seen());
        assertArrayEquals(direct(pad.canvas().pixels()), pad.probabilities(), 1e-12);
        pad.draw();
        assertEquals(-1, v.rowIndexOf("prepared"), "off: only the pad");
        pad.handle(key(KeyType.Enter));
        assertArrayEquals(session.drawn().raw(0), session.drawn().get(0), "kept as drawn, both ways the same");
    }
}
