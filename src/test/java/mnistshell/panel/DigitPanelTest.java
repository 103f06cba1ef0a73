package mnistshell.panel;

import static mnistshell.panel.VirtualScreen.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyType;
import java.io.IOException;
import mnistshell.session.ImageRef;
import mnistshell.session.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The digit viewer on Lanterna's virtual terminal: what it draws, and where its keys take it. */
@Timeout(20)
class DigitPanelTest {

    final Session session = PanelData.session();

    /** The set holding {@code image}, in file order: the order the viewer walks it in (the split is shuffled). */
    int[] setOf(int image) {
        int[] set = session.split().sideOf(image).equals("test") ? session.split().test() : session.split().train();
        return java.util.Arrays.stream(set).sorted().toArray();
    }

    @Test
    void aTallTerminalShowsTheFullDigitTwoColumnsAPixel() throws IOException {
        VirtualScreen v = new VirtualScreen(100, 40);
        new DigitPanel(v.screen, session, ImageRef.data(0)).draw();
        assertTrue(v.row(0).startsWith("image 0 of 60 (" + session.split().sideOf(0) + " set): label "
                + session.data().label(0)), v.row(0));
        // the ink block: rows 4-5, columns 6-7, each pixel two columns, under the header line
        for (int r = 4; r <= 5; r++) {
            for (int x = 12; x <= 15; x++) {
                assertEquals('@', v.at(x, 1 + r), "full ink at x " + x + ", row " + r);
            }
        }
        assertEquals(' ', v.at(11, 5), "blank beside the block");
        assertEquals(' ', v.at(16, 5));
        assertEquals('.', v.at(40, 21), "value 1 is the faintest mark, not blank");
        assertEquals('.', v.at(41, 21));
        assertTrue(v.row(39).contains("q back"), "the key line is at the bottom");
    }

    @Test
    void theProbabilityBarsSitBesideTheDigit() throws IOException {
        VirtualScreen v = new VirtualScreen(100, 40);
        new DigitPanel(v.screen, session, ImageRef.data(0)).draw();
        double[] p = session.probabilities(0);
        int best = mnistshell.nn.Evaluation.argmax(p);
        for (int k = 0; k < 10; k++) {
            String bar = v.row(1 + k).substring(59);
            assertTrue(bar.startsWith(k + " "), bar);
            assertTrue(bar.contains(String.format("%.1f%%", 100 * p[k])), bar);
            assertEquals(k == best, bar.endsWith("<"), bar);
        }
    }

    @Test
    void aSmallTerminalGetsTheFourteenByFourteenDownsample() throws IOException {
        VirtualScreen v = new VirtualScreen(80, 24);
        new DigitPanel(v.screen, session, ImageRef.data(0)).draw();
        // the 2x2 block at rows 4-5, columns 6-7 becomes the one pixel (2, 3)
        assertEquals('@', v.at(6, 3));
        assertEquals('@', v.at(7, 3));
        assertEquals(' ', v.at(12, 5), "where the full layout has ink, the half one has none");
        assertEquals(' ', v.at(8, 3));
        for (int y = 15; y < 23; y++) {
            for (int x = 0; x < 28; x++) {
                assertEquals(' ', v.at(x, y), "the digit ends after 14 rows; row " + y);
            }
        }
        assertTrue(v.row(23).contains("q back"));
    }

    @Test
    void aResizeRedrawsForTheNewSize() throws IOException {
        VirtualScreen v = new VirtualScreen(100, 40);
        DigitPanel panel = new DigitPanel(v.screen, session, ImageRef.data(0));
        panel.draw();
        assertEquals('@', v.at(12, 5));
        v.terminal.setTerminalSize(new TerminalSize(80, 24));
        panel.draw();
        assertEquals('@', v.at(6, 3));
        assertEquals(' ', v.at(12, 5));
    }

    @Test
    void arrowsMoveThroughTheSetAndTheScreenFollows() throws IOException {
        VirtualScreen v = new VirtualScreen(100, 40);
        DigitPanel panel = new DigitPanel(v.screen, session, ImageRef.data(0));
        int[] set = setOf(0);
        int at = PanelData.positionOf(set, 0);
        int next = set[(at + 1) % set.length];
        panel.handle(key(KeyType.ArrowRight));
        panel.draw();
        assertEquals(ImageRef.data(next), panel.current());
        assertTrue(v.row(0).startsWith("image " + next + " of 60"), v.row(0));
        panel.handle(key(KeyType.ArrowLeft));
        panel.handle(key(KeyType.ArrowLeft));
        assertEquals(ImageRef.data(set[(at - 1 + set.length) % set.length]), panel.current());
    }

    @Test
    void keysMoveJumpToAMisclassifiedImageAndLeave() throws IOException {
        VirtualScreen v = new VirtualScreen(100, 40);
        int[] set = setOf(0);
        int next = set[(PanelData.positionOf(set, 0) + 1) % set.length];
        int wrong = PanelData.nextWrong(session, set, next);
        v.type(key(KeyType.ArrowRight), key('w'), key('q'));
        DigitPanel panel = new DigitPanel(v.screen, session, ImageRef.data(0));
        panel.run(); // returns only because 'q' left
        assertEquals(ImageRef.data(wrong), panel.current());
        assertTrue(v.row(0).startsWith("image " + wrong + " of 60"), v.row(0));
        assertTrue(v.row(0).endsWith("WRONG"), v.row(0));
    }

    @Test
    void escapeLeavesToo() throws IOException {
        VirtualScreen v = new VirtualScreen(100, 40);
        v.type(key(KeyType.Escape));
        new DigitPanel(v.screen, session, ImageRef.data(0)).run();
    }

    @Test
    void tGoesThroughEverySetThatHasImagesAndTheUnlabelledOnesHaveNoMistakes() throws IOException {
        byte[] pixels = new byte[3 * 784];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i % 251);
        }
        session.setUnlabelled(new mnistshell.data.UnlabelledSet("test.csv", 28, 28, pixels));
        session.drawn().add(java.util.Arrays.copyOfRange(pixels, 784, 2 * 784));
        int train = session.split().train()[0];
        VirtualScreen v = new VirtualScreen(100, 40);
        DigitPanel panel = new DigitPanel(v.screen, session, ImageRef.data(train));
        panel.handle(key('t'));
        assertEquals("test", panel.current().set(session));
        panel.handle(key('t'));
        assertEquals(ImageRef.drawn(0), panel.current());
        panel.handle(key('t'));
        assertEquals(ImageRef.unlabelled(0), panel.current());
        panel.handle(key(KeyType.ArrowLeft));
        assertEquals(ImageRef.unlabelled(2), panel.current(), "wraps to the last of the three");
        panel.draw();
        assertTrue(v.row(0).startsWith("unlabelled:2 of 3 (unlabelled set): unlabelled, predicted "), v.row(0));
        panel.handle(key('w'));
        panel.draw();
        assertTrue(v.row(39).contains("no labels"), v.row(39));
        assertEquals(ImageRef.unlabelled(2), panel.current(), "w stays put where there are no labels");
        panel.handle(key('t'));
        assertEquals("train", panel.current().set(session));
    }

    @Test
    void gJumpsToATypedIndexAndTSwitchesSets() throws IOException {
        VirtualScreen v = new VirtualScreen(100, 40);
        DigitPanel panel = new DigitPanel(v.screen, session, ImageRef.data(0));
        for (char c : "g42".toCharArray()) {
            panel.handle(key(c));
        }
        panel.draw();
        assertTrue(v.row(39).contains("42_"), "the index shows as it is typed: " + v.row(39));
        panel.handle(key(KeyType.Enter));
        assertEquals(ImageRef.data(42), panel.current());
        String before = session.split().sideOf(42);
        panel.handle(key('t'));
        String after = panel.current().set(session);
        assertEquals(before.equals("train") ? "test" : "train", after);
    }
}
