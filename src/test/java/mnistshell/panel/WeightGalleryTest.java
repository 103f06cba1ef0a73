package mnistshell.panel;

import static mnistshell.panel.VirtualScreen.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyType;
import java.io.IOException;
import mnistshell.nn.Activation;
import mnistshell.nn.Network;
import mnistshell.session.LayerUnits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The weight gallery on a virtual terminal, on a 784-10-10 network whose weights are set by hand. */
@Timeout(20)
class WeightGalleryTest {

    /** Unit 1 of W1 has +1 at pixel (5, 7) and -1 at (6, 7); W2's column 1 is 0.1 * (k - 4). */
    static LayerUnits firstLayer() {
        double[][] w1 = new double[10][784];
        w1[1][5 * 28 + 7] = 1.0;
        w1[1][6 * 28 + 7] = -1.0;
        double[][] w2 = new double[10][10];
        for (int k = 0; k < 10; k++) {
            w2[k][1] = 0.1 * (k - 4);
        }
        double[][][] biases = {new double[10][1], new double[10][1]};
        Network net = Network.of(Activation.LeakyRelu.SEED, new double[][][] {w1, w2}, biases);
        return LayerUnits.of(net, 1, 28, 28);
    }

    @Test
    void unitsAreThumbnailsWithTheirNumbersUnder() throws IOException {
        VirtualScreen v = new VirtualScreen(100, 40);
        new WeightGallery(v.screen, firstLayer()).draw();
        assertTrue(v.row(0).startsWith("layer 1: 10 units"), v.row(0));
        // three 28-column thumbnails a row with a gap of 2; unit 1 starts at column 30
        assertEquals('#', v.at(30 + 6, 1 + 2), "pixel (5,7) falls in thumbnail cell (2,3): positive");
        assertEquals('%', v.at(30 + 7, 1 + 3), "pixel (6,7) falls in cell (3,3): negative");
        assertTrue(v.row(15).contains("[unit 0]"), "the selected unit is bracketed: " + v.row(15));
        assertTrue(v.row(15).contains(" unit 1 "), v.row(15));
        assertTrue(v.row(0).contains("page 1/2"), "6 of 10 fit on 40 rows: " + v.row(0));
    }

    @Test
    void arrowsSelectAndEnterShowsTheUnitLargeWithItsOutgoingWeights() throws IOException {
        VirtualScreen v = new VirtualScreen(100, 40);
        WeightGallery gallery = new WeightGallery(v.screen, firstLayer());
        v.type(key(KeyType.ArrowRight), key(KeyType.Enter), key('x'));
        gallery.handle(v.terminal.pollInput());
        gallery.handle(v.terminal.pollInput());
        gallery.draw();
        assertEquals(1, gallery.selected());
        assertTrue(gallery.enlarged());
        assertTrue(v.row(0).startsWith("layer 1, unit 1 of 10"), v.row(0));
        assertEquals('#', v.at(2 * 7, 1 + 5), "full size: pixel (5,7) at its own place");
        assertEquals('%', v.at(2 * 7, 1 + 6));
        assertTrue(v.row(1).contains("outgoing weights to layer 2"), v.row(1));
        assertTrue(v.row(2).contains(" 0 -0.400"), "W2[0][1] = -0.4: " + v.row(2));
        assertTrue(v.row(2 + 9).contains(" 9 +0.500") && v.row(2 + 9).endsWith("|############"),
                "the largest outgoing weight fills its half: " + v.row(2 + 9));
    }

    @Test
    void pagesFollowTheSelectionAndQLeaves() throws IOException {
        VirtualScreen v = new VirtualScreen(80, 24);
        v.type(key(KeyType.PageDown), key(KeyType.ArrowDown), key(KeyType.Enter), key('q'), key('q'));
        WeightGallery gallery = new WeightGallery(v.screen, firstLayer());
        gallery.run();
        // 80 columns: two thumbnails a row; 24 rows: one row a page, so a page is two units
        assertEquals(4, gallery.selected());
        assertFalse(gallery.enlarged(), "the first q went back to the gallery, the second left");
        assertTrue(v.row(0).contains("page 3/5"), v.row(0));
    }
}
