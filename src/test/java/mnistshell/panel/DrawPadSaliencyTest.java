package mnistshell.panel;

import static mnistshell.panel.VirtualScreen.key;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.input.MouseAction;
import com.googlecode.lanterna.input.MouseActionType;
import java.io.IOException;
import java.util.List;
import mnistshell.data.MnistPreparation;
import mnistshell.inspect.OneImage;
import mnistshell.render.WeightImage;
import mnistshell.session.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The draw pad's live saliency on a virtual terminal: what it shows is {@link OneImage}'s saliency
 * of the prepared image the network sees, recomputed as the drawing changes.
 */
@Timeout(20)
class DrawPadSaliencyTest {

    static final int SIDE = PanelData.SIDE;

    final Session session = PanelData.session();

    /** {@code predict --saliency}'s computation on {@code pixels} as the sample's normalised network sees them. */
    OneImage oneImage(byte[] pixels) {
        double[] x = new double[pixels.length];
        for (int p = 0; p < x.length; p++) {
            x[p] = (pixels[p] & 0xFF) / 255.0;
        }
        return OneImage.of(session.network(), x);
    }

    static void stroke(DrawPad pad, int fromRow, int fromCol, int toRow, int toCol) {
        pad.handle(new MouseAction(MouseActionType.CLICK_DOWN, 1, new TerminalPosition(2 * fromCol, 1 + fromRow)));
        pad.handle(new MouseAction(MouseActionType.DRAG, 1, new TerminalPosition(2 * toCol, 1 + toRow)));
        pad.handle(new MouseAction(MouseActionType.CLICK_RELEASE, 1, new TerminalPosition(2 * toCol, 1 + toRow)));
    }

    /**
     * The characters {@code s} should show a character per pixel column and two rows, worked out
     * here: each pair of rows averaged, shaded against the largest |average|.
     */
    static String[] expectedRows(double[] s) {
        double[] mean = new double[SIDE / 2 * SIDE];
        double max = 0;
        for (int r = 0; r < SIDE / 2; r++) {
            for (int c = 0; c < SIDE; c++) {
                mean[r * SIDE + c] = (s[2 * r * SIDE + c] + s[(2 * r + 1) * SIDE + c]) / 2;
                max = Math.max(max, Math.abs(mean[r * SIDE + c]));
            }
        }
        String[] rows = new String[SIDE / 2];
        for (int r = 0; r < rows.length; r++) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < SIDE; c++) {
                line.append(WeightImage.shade(mean[r * SIDE + c], max));
            }
            rows[r] = line.toString();
        }
        return rows;
    }

    /** The {@code lines} x {@code width} characters under the heading {@code heading}. */
    static String[] under(VirtualScreen v, String heading, int lines, int width) {
        int y = v.rowIndexOf(heading);
        assertTrue(y > 0, "'" + heading + "' is on the screen");
        int x = v.row(y).indexOf(heading);
        String[] out = new String[lines];
        for (int i = 0; i < lines; i++) {
            StringBuilder s = new StringBuilder();
            for (int c = 0; c < width; c++) {
                s.append(v.at(x + c, y + 1 + i));
            }
            out[i] = s.toString();
        }
        return out;
    }

    @Test
    void theSaliencyShownIsOneImagesForThePreparedImageAndFollowsTheDrawing() throws IOException {
        VirtualScreen v = new VirtualScreen(120, 50);
        DrawPad pad = new DrawPad(v.screen, session);
        stroke(pad, 3, 4, 12, 6);
        byte[] prepared = MnistPreparation.prepare(pad.canvas().pixels(), SIDE, SIDE);
        OneImage one = oneImage(prepared);
        assertArrayEquals(one.saliency(), pad.saliency(), 0, "the pad's saliency is predict --saliency's");
        pad.draw();
        String heading = "saliency p(" + one.predicted() + ")";
        String[] shown = under(v, heading, SIDE / 2, SIDE);
        assertArrayEquals(expectedRows(one.saliency()), shown, "a character per pixel and two rows");
        int y = v.rowIndexOf(heading);
        int x = v.row(y).indexOf(heading);
        assertTrue(x > v.row(y).indexOf("prepared"), "beside the prepared image, on 120 columns");
        assertColoured(v, x, y, shown);
        assertTrue(v.row(y + 1 + SIDE / 2).contains("raises p(" + one.predicted() + ")"), "the legend under it");

        stroke(pad, 20, 10, 20, 22);
        OneImage after = oneImage(MnistPreparation.prepare(pad.canvas().pixels(), SIDE, SIDE));
        assertFalse(java.util.Arrays.equals(one.saliency(), after.saliency()), "the second stroke changes it");
        assertArrayEquals(after.saliency(), pad.saliency(), 0, "recomputed for the drawing as it is now");
        pad.draw();
        assertArrayEquals(expectedRows(after.saliency()),
                under(v, "saliency p(" + after.predicted() + ")", SIDE / 2, SIDE));
    }

    /** A conv network's pad shows the layered saliency ({@link OneImage#saliency}) of what it sees, as predict does. */
    @Test
    void aConvNetworksPadShowsItsSaliency() throws IOException {
        mnistshell.nn.Activation act = mnistshell.nn.Activation.LeakyRelu.SEED;
        session.init(mnistshell.nn.layer.LayerSpec.parse("conv4k5-pool2-16-10", mnistshell.nn.layer.Shape.image(SIDE, SIDE),
                10, act), act, mnistshell.nn.Init.HE, 3);
        VirtualScreen v = new VirtualScreen(120, 50);
        DrawPad pad = new DrawPad(v.screen, session);
        stroke(pad, 3, 4, 12, 6);
        byte[] prepared = MnistPreparation.prepare(pad.canvas().pixels(), SIDE, SIDE);
        double[] x = new double[prepared.length];
        for (int p = 0; p < x.length; p++) {
            x[p] = (prepared[p] & 0xFF) / 255.0;
        }
        OneImage one = OneImage.saliency(session.network(), x);
        assertArrayEquals(one.saliency(), pad.saliency(), 0, "the pad's saliency is predict --saliency's");
        pad.draw();
        assertArrayEquals(expectedRows(one.saliency()), under(v, "saliency p(" + one.predicted() + ")", SIDE / 2, SIDE));
    }

    /** Red where ink raises the probability, blue where it lowers it, as {@code weights} colours signs. */
    static void assertColoured(VirtualScreen v, int x, int y, String[] shown) {
        int checked = 0;
        for (int r = 0; r < shown.length; r++) {
            for (int c = 0; c < shown[r].length(); c++) {
                char ch = shown[r].charAt(c);
                if (ch != ' ') {
                    TextColor fg = v.terminal.getCharacter(x + c, y + 1 + r).getForegroundColor();
                    assertEquals(WeightImage.isNegative(ch) ? TextColor.ANSI.BLUE_BRIGHT : TextColor.ANSI.RED_BRIGHT,
                            fg, "colour of '" + ch + "'");
                    checked++;
                }
            }
        }
        assertTrue(checked > 0, "some pixels move the probability");
    }

    @Test
    void onEightyByThirtyThePicturesStandOneOverTheOtherAtHalfSize() throws IOException {
        VirtualScreen v = new VirtualScreen(80, 30);
        DrawPad pad = new DrawPad(v.screen, session);
        stroke(pad, 5, 20, 15, 22);
        OneImage one = oneImage(pad.seen());
        pad.draw();
        int prepared = v.rowIndexOf("prepared");
        String heading = "saliency p(" + one.predicted() + ")";
        int saliency = v.rowIndexOf(heading);
        assertTrue(prepared > 10 && saliency > prepared, "the saliency under the prepared image");
        assertEquals(v.row(prepared).indexOf("prepared"), v.row(saliency).indexOf(heading), "in the same column");
        List<String> small = WeightImage.small(one.saliency(), SIDE, SIDE, 2);
        assertArrayEquals(small.toArray(new String[0]), under(v, heading, small.size(), SIDE / 2),
                "a character per 2x4 pixels of OneImage's saliency");
        assertTrue(v.row(28).contains("lowers it"), "the legend's last line above the keys: " + v.row(28));
        assertTrue(v.row(29).startsWith("mouse or arrows"), "and the keys still show");
    }

    @Test
    void withPreparationOffTheSaliencyIsOfTheDrawingAsDrawn() throws IOException {
        VirtualScreen v = new VirtualScreen(100, 40);
        DrawPad pad = new DrawPad(v.screen, session);
        stroke(pad, 2, 2, 9, 2);
        double[] prepared = pad.saliency();
        pad.handle(key('p'));
        OneImage raw = oneImage(pad.canvas().pixels());
        assertArrayEquals(raw.saliency(), pad.saliency(), 0);
        assertNotEquals(prepared[14 * SIDE + 14], pad.saliency()[14 * SIDE + 14], "not the prepared image's");
        pad.draw();
        assertEquals(-1, v.rowIndexOf("prepared"));
        assertTrue(v.rowIndexOf("saliency p(" + raw.predicted() + ")") > 0, "the saliency alone");
    }
}
