package mnistshell.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The progress bar against a fake clock (the clock is the seam; no real time is measured). */
class ProgressLineTest {

    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    final AtomicLong now = new AtomicLong();

    @Test
    void quarterDoneAfterTenSecondsHasThirtyLeft() {
        ProgressLine bar = new ProgressLine(out, 100, now::get);
        // 25 of 100 in 10 s: 2.5 per second, 75 left take 30 s; a quarter of 24 cells is 6.
        assertEquals("[######..................] 25/100  2.5/s  30 s left", bar.render(25, 10));
    }

    @Test
    void redrawsAtMostFiveTimesASecondAndClearsItself() {
        ProgressLine bar = new ProgressLine(out, 100, now::get);
        now.set(100_000_000L);
        bar.accept(1); // 0.1 s: too soon
        assertEquals("", bytes.toString(StandardCharsets.UTF_8));
        now.set(300_000_000L);
        bar.accept(2);
        now.set(400_000_000L);
        bar.accept(3); // 0.1 s after the last draw: skipped
        String drawn = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(1, drawn.chars().filter(c -> c == '\r').count(), drawn);
        assertTrue(drawn.contains(" 2/100 "), drawn);
        bar.clear();
        assertTrue(bytes.toString(StandardCharsets.UTF_8).endsWith("\r\033[K"));
    }

    @Test
    void nothingIsDrawnOrClearedForAQuickRun() {
        ProgressLine bar = new ProgressLine(out, 3, now::get);
        bar.accept(1);
        bar.clear();
        assertEquals("", bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void durationsReadNaturally() {
        assertEquals("42 s", ProgressLine.duration(42.2));
        assertEquals("2 min 5 s", ProgressLine.duration(125));
        assertEquals("1 h 1 min", ProgressLine.duration(3660));
    }

    @Test
    void inAFortyColumnWindowEachRedrawFitsOneLine() {
        ProgressLine bar = new ProgressLine(out, 1000, now::get, () -> 40);
        for (int done = 1; done < 1000; done += 7) {
            now.addAndGet(250_000_000L);
            bar.accept(done);
        }
        String drawn = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(drawn.chars().filter(c -> c == '\r').count() > 100, "redrawn in place, again and again");
        assertFalse(drawn.contains("\n"), "never a new line");
        for (String redraw : drawn.split("\r")) {
            String shown = redraw.replace("\033[K", "");
            assertTrue(shown.length() <= 39, "wider than 39 columns, so it would wrap: '" + shown + "'");
        }
        // 500/1000 after 10 s: 50/s, 10 s left; 39 columns less the 27 of the figures and "[] " leave 9 cells, 4 filled
        assertEquals("[####.....] 500/1000  50.0/s  10 s left", bar.render(500, 10, 40));
    }

    @Test
    void theBarGoesBeforeTheFiguresAreCut() {
        ProgressLine bar = new ProgressLine(out, 1000, now::get, () -> 20);
        assertEquals("500/1000  50.0/s  1", bar.render(500, 10, 20));
        assertEquals("500/1000  50.0/s  10 s left", bar.render(500, 10, 30), "no room for five cells: no bar");
    }
}
