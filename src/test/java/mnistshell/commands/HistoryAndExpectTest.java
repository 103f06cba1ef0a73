package mnistshell.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import mnistshell.shell.ErrorReporter;
import mnistshell.shell.ScriptRunner;
import mnistshell.errors.ShellError;
import mnistshell.shell.ShellFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** history's chart, CSV and PNG; expect as a regression test in a command file; echo. */
class HistoryAndExpectTest {

    final ShellFixture f = new ShellFixture(false);

    @TempDir
    Path dir;

    String run(String line) {
        return f.run(line);
    }

    @Test
    void historyMarksWhereASettingChanged() {
        run("step 3; set lr 0.05; set optimizer momentum; step 2");
        String out = run("history");
        // five updates, a column each; the change took effect at update 4, the fourth column; under
        // five columns the ticks are at the first and last, updates 1 and 5
        assertTrue(out.startsWith("5 updates, 5 epochs; a column per update\n"), out);
        assertEquals(3, out.lines().filter(l -> l.endsWith("└┬──^┬")).count(), out);
        List<String> lines = out.lines().toList();
        int axis = lines.indexOf(lines.stream().filter(l -> l.endsWith("└┬──^┬")).findFirst().orElseThrow());
        int tick = lines.get(axis).indexOf('┬');
        assertEquals("1", lines.get(axis + 1).substring(tick, tick + 1), "update 1 under the first tick");
        assertEquals(tick + 4, lines.get(axis + 1).lastIndexOf('5'), "update 5 under the last");
        assertTrue(out.contains("  ^ from update 4: lr = 0.05, optimizer = momentum\n"), out);
        assertThrows(ShellError.class, () -> new ShellFixture(false).shell.execute("history", () -> false));
    }

    @Test
    void historyWritesTheNumbersAsCsvAndTheCurvesAsPng() throws Exception {
        run("step 2; set lr 0.05; step 1");
        Path csv = dir.resolve("h.csv");
        Path png = dir.resolve("h.png");
        run("history --csv " + csv + " --png " + png);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(4, lines.size());
        assertEquals("update,epoch,loss,train_accuracy,test_accuracy,changes", lines.get(0));
        assertTrue(lines.get(3).startsWith("3,3,"), lines.get(3));
        assertTrue(lines.get(3).endsWith(",\"lr = 0.05\""), lines.get(3));
        assertTrue(lines.get(1).endsWith(",\"\""), lines.get(1));
        double loss = Double.parseDouble(lines.get(1).split(",")[2]);
        assertEquals(f.session.training().history().points().get(0).loss(), loss, 0);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(mnistshell.render.CurvesImage.WIDTH, img.getWidth());
        assertEquals(mnistshell.render.CurvesImage.HEIGHT, img.getHeight());
    }

    @Test
    void expectPassesQuietlyAndFailsWithTheActualValue() {
        run("step 2");
        assertEquals("ok: step == 2 (2)\n", run("expect step == 2"));
        ShellError e = assertThrows(ShellError.class, () -> run("expect step > 2"));
        assertEquals("expect step > 2 failed: step is 2", e.getMessage());
        double accuracy = f.session.evaluateTest().accuracy();
        e = assertThrows(ShellError.class, () -> run("expect test-accuracy >= " + (accuracy + 0.01)));
        assertTrue(e.getMessage().endsWith("test-accuracy is " + String.format("%.4f (%.2f%%)", accuracy, 100 * accuracy)),
                e.getMessage());
        assertEquals("ok: step == 2e0 (2)\n", run("expect step == 2e0"), "the update count is a count, written as counts are");
        assertTrue(assertThrows(ShellError.class, () -> run("expect step == 2.5")).getMessage().contains("integer"));
        assertTrue(run("expect loss < 100").startsWith("ok: loss < 100"));
        assertThrows(ShellError.class, () -> run("expect speed > 1"));
        assertThrows(ShellError.class, () -> run("expect step => 1"));
        assertThrows(ShellError.class, () -> run("expect step >"));
    }

    @Test
    void aFalseExpectStopsACommandFileWithItsLine() throws Exception {
        Path file = Files.writeString(dir.resolve("check.msh"), "step 1\nexpect step >= 5\necho not reached\n");
        ShellError e = assertThrows(ShellError.class, () -> new ScriptRunner(f.shell, () -> false).runFile(file));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        new ErrorReporter(new PrintStream(err, true, StandardCharsets.UTF_8), false).report(e);
        assertEquals(file + ":2: error: expect step >= 5 failed: step is 1\n", err.toString(StandardCharsets.UTF_8));
        assertTrue(!f.out().contains("not reached"));
    }

    @Test
    void echoPrintsItsWords() {
        assertEquals("db2 is 0 ; here is why\n", run("echo db2 is 0 '; here is why'"));
    }
}
