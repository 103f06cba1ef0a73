package mnistshell.shell;

import mnistshell.errors.ShellError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.util.List;
import mnistshell.nn.Evaluation;
import mnistshell.nn.ReferenceEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** show, view and draw through the dispatch: text without a terminal, panels when the shell has screens. */
@Timeout(20)
class PanelCommandsTest {

    final ShellFixture f = new ShellFixture(false);

    List<String> outLines() {
        return f.out().lines().toList();
    }

    @Test
    void withoutATerminalShowPrintsTheFactsTheDigitAndTheBars() {
        f.shell.execute("show 7", () -> false);
        List<String> lines = outLines();
        assertEquals(1 + 28 + 10, lines.size(), f.out());
        assertTrue(lines.get(0).startsWith("image 7 of 300 (" + f.session.split().sideOf(7) + " set): label "
                + f.session.data().label(7)), lines.get(0));
        // blank exactly where there is no ink, '@' for full ink, and never lighter for more ink
        String ramp = " .:-=+*#%@";
        int[] darkest = new int[256];
        java.util.Arrays.fill(darkest, -1);
        for (int r = 0; r < 28; r++) {
            for (int c = 0; c < 28; c++) {
                int value = f.session.data().rawPixel(7, r * 28 + c);
                String two = lines.get(1 + r).substring(2 * c, 2 * c + 2);
                assertEquals(two.charAt(0), two.charAt(1), "two columns a pixel");
                int rank = ramp.indexOf(two.charAt(0));
                assertEquals(value == 0, rank == 0, "pixel (" + r + "," + c + ") = " + value);
                if (value == 255) {
                    assertEquals('@', two.charAt(0));
                }
                darkest[value] = Math.max(darkest[value], rank);
            }
        }
        int seen = 0;
        for (int value = 0; value < 256; value++) {
            if (darkest[value] >= 0) {
                assertTrue(darkest[value] >= seen, "value " + value + " drawn lighter than a smaller value");
                seen = darkest[value];
            }
        }
        int best = Evaluation.argmax(ReferenceEngine.probabilities(f.session.network(), f.session.data(), 7));
        assertTrue(lines.get(1 + 28 + best).endsWith("<"), lines.get(1 + 28 + best));
    }

    @Test
    void withoutATerminalViewWeightsPrintsTheGallery() {
        f.shell.execute("view weights", () -> false);
        String out = f.out();
        assertTrue(out.startsWith("layer 1: 10 units"), out);
        for (int k = 0; k < 10; k++) {
            assertTrue(out.contains("unit " + k), "unit " + k);
        }
        assertTrue(out.lines().allMatch(line -> line.length() <= 80), "fits 80 columns");
    }

    @Test
    void withoutATerminalDrawRefusesInOneLine() {
        ShellError e = assertThrows(ShellError.class, () -> f.shell.execute("draw", () -> false));
        assertEquals("draw needs a terminal: run it at the interactive prompt", e.getMessage());
        assertEquals("", f.out());
    }

    @Test
    void showDrawnNeedsADrawnImage() {
        ShellError e = assertThrows(ShellError.class, () -> f.shell.execute("show drawn:0", () -> false));
        assertTrue(e.getMessage().contains("no drawn images yet"), e.getMessage());
        f.session.drawn().add(firstImage());
        f.shell.execute("show drawn:0", () -> false);
        assertTrue(f.out().startsWith("drawn:0 of 1 (drawn set): unlabelled, predicted "), f.out());
    }

    @Test
    void showUnlabelledShowsThatImageOfTheUnlabelledSet() {
        ShellError none = assertThrows(ShellError.class, () -> f.shell.execute("show unlabelled:0", () -> false));
        assertTrue(none.getMessage().contains("no unlabelled images"), none.getMessage());
        byte[] pixels = java.util.Arrays.copyOfRange(f.session.data().pixels(), 0, 3 * 784); // images 0, 1, 2
        f.session.setUnlabelled(new mnistshell.data.UnlabelledSet("test.csv", 28, 28, pixels));
        f.shell.execute("show unlabelled:2", () -> false);
        List<String> lines = outLines();
        assertTrue(lines.get(0).startsWith("unlabelled:2 of 3 (unlabelled set): unlabelled, predicted "
                + Evaluation.argmax(ReferenceEngine.probabilities(f.session.network(), f.session.data(), 2))),
                lines.get(0));
        f.outBytes.reset();
        f.shell.execute("show 2", () -> false);
        List<String> same = outLines();
        assertEquals(same.subList(1, same.size()), lines.subList(1, lines.size()),
                "the digit and bars of image 2 of the data, whose pixels it has");
        ShellError beyond = assertThrows(ShellError.class, () -> f.shell.execute("show unlabelled:3", () -> false));
        assertTrue(beyond.getMessage().contains("unlabelled:N must be an integer from 0 to 2, found 'unlabelled:3'"), beyond.getMessage());
    }

    byte[] firstImage() {
        return java.util.Arrays.copyOfRange(f.session.data().pixels(), 0, 784);
    }

    @Test
    void withScreensShowOpensTheViewerAndReturnsWhenItIsLeft() {
        // one terminal a panel: stopping a screen drains whatever input is left
        DefaultVirtualTerminal forShow = new DefaultVirtualTerminal(new TerminalSize(100, 40));
        forShow.addInput(new KeyStroke(KeyType.ArrowRight));
        forShow.addInput(new KeyStroke('q', false, false));
        DefaultVirtualTerminal forView = new DefaultVirtualTerminal(new TerminalSize(100, 40));
        forView.addInput(new KeyStroke(KeyType.Escape));
        java.util.Iterator<DefaultVirtualTerminal> terminals = List.of(forShow, forView).iterator();
        f.shell.useScreens(mouse -> new TerminalScreen(terminals.next()));
        f.shell.execute("show 7; view weights", () -> false);
        assertEquals("", f.out(), "the panels drew on the screen, not on standard output");
        assertTrue(!terminals.hasNext(), "both commands opened a panel, and each left on its key");
    }
}
