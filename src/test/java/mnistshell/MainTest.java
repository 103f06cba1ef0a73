package mnistshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three non-interactive forms on the embedded sample, and their exit statuses. */
class MainTest {

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream oldOut;
    PrintStream oldErr;
    InputStream oldIn;

    @TempDir
    Path dir;

    @BeforeEach
    void capture() {
        oldOut = System.out;
        oldErr = System.err;
        oldIn = System.in;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
        System.setIn(oldIn);
    }

    @Test
    void inlineCommandsRunOnTheEmbeddedSample() {
        assertEquals(Main.OK, Main.run(new String[] {"-c", "step 1; eval"}));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("(8") || text.contains("/9000 right)"), text);
        assertTrue(text.contains("/1000 right)"), "1,000 test images held out: " + text);
    }

    @Test
    void showWithoutATerminalPrintsTheDigitAndDrawRefuses() {
        assertEquals(Main.OK, Main.run(new String[] {"-c", "show 5"}));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("image 5 of 10000 ("), text);
        assertTrue(text.contains("@@"), "the digit is printed: " + text);
        assertEquals(1 + 28 + 10, text.lines().count());
        assertEquals(Main.FAILED, Main.run(new String[] {"-c", "draw"}));
        assertEquals("-c: error: draw needs a terminal: run it at the interactive prompt\n",
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anUnknownCommandExitsNonZeroAndNamesIt() {
        assertEquals(Main.FAILED, Main.run(new String[] {"-c", "stpe 3"}));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("-c: error: unknown command 'stpe'"));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void pipedStandardInputRuns() {
        System.setIn(new ByteArrayInputStream("step 1\neval\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Main.OK, Main.run(new String[0]));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("test accuracy"));
    }

    @Test
    void commandFilesRunInTurnAndAFailingOneIsLocated() throws Exception {
        Path good = Files.writeString(dir.resolve("good.msh"), "step 1\n");
        Path bad = Files.writeString(dir.resolve("bad.msh"), "eval\nshow -1\n");
        assertEquals(Main.FAILED, Main.run(new String[] {good.toString(), bad.toString()}));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("update 1 (epoch 1)"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith(bad + ":2: error: show:"), err.toString());
    }

    @Test
    void theShippedSeedSessionLoadsOnAFreshCloneWithoutTraining() {
        assertEquals(Main.OK, Main.run(new String[] {"-c", "load models/seed.npz; show 5"}));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("update 3000, epoch 3000, optimizer gd"), text);
        assertTrue(text.contains("image 5 of 10000"), text);
        assertFalse(text.contains("note:"), "trained on the embedded sample, with its split: " + text);
    }

    @Test
    void helpPrintsTheUsageAndTheWaysToRunItWithin80Columns() {
        assertEquals(Main.OK, Main.run(new String[] {"--help"}));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith(Main.USAGE_TEXT + "\n"), text);
        assertTrue(text.contains("mnist-shell -c 'step 500; eval'"), text);
        assertTrue(text.contains("mnist-shell seed.msh"), text);
        assertTrue(text.lines().allMatch(l -> l.length() <= 80), text);
    }

    @Test
    void aBadCommandLineIsAUsageError() {
        assertEquals(2, Main.USAGE);
        assertEquals(Main.USAGE, Main.run(new String[] {"--frobnicate"}));
        assertEquals(Main.USAGE, Main.run(new String[] {"-c"}));
        assertEquals(Main.USAGE, Main.run(new String[] {"-c", "eval", "file.msh"}));
        assertEquals(Main.USAGE, Main.run(new String[] {"-c", ""}), "-c without commands");
        assertEquals(Main.USAGE, Main.run(new String[] {"-c", ";;;"}), "-c without commands");
        assertEquals(Main.USAGE, Main.run(new String[] {"-c", " ; "}), "-c without commands");
        assertEquals(Main.USAGE, Main.run(new String[] {dir.resolve("missing.msh").toString()}));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("missing.msh: no such command file"));
        assertEquals("", out.toString(StandardCharsets.UTF_8), "nothing ran");
    }

    @Test
    void exitStatusIsZeroOnlyWhenEveryCommandSucceeded() throws Exception {
        assertEquals(0, Main.OK);
        assertEquals(1, Main.FAILED);
        assertEquals(Main.OK, Main.run(new String[] {"-c", "echo fine; eval"}));
        assertEquals(Main.FAILED, Main.run(new String[] {"-c", "echo fine; show nothing"}));
        Path lax = Files.writeString(dir.resolve("lax.msh"), "set bail off\nfrob\necho went on\n");
        assertEquals(Main.FAILED, Main.run(new String[] {lax.toString()}), "bail off goes on, and still fails");
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("went on"));
        System.setIn(new ByteArrayInputStream("echo a\nfrob\necho b\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Main.FAILED, Main.run(new String[0]));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("line 2: error: unknown command 'frob'"));
        assertFalse(out.toString(StandardCharsets.UTF_8).contains("b\n"), "bail on: the pipe stopped at line 2");
    }

    @Test
    void theHomeIsTheEnvironmentsHomeWhenSetAsForAnyShell() {
        assertEquals(java.nio.file.Path.of("/tmp/scratch"), Main.home("/tmp/scratch", "/root"));
        assertEquals(java.nio.file.Path.of("/root"), Main.home(null, "/root"));
        assertEquals(java.nio.file.Path.of("/root"), Main.home("", "/root"));
    }
}
