package mnistshell.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import mnistshell.commands.Commands;
import mnistshell.session.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo command files are tests: each runs on the embedded sample as the README says to run it,
 * every line succeeds and every {@code expect} in it holds (a false one is a failure of the file).
 * seed.msh is run shortened to 500 updates, whose accuracies the README gives; conv.msh in full
 * (10 epochs of a conv network, about half a minute), so that its 98% is a test's.
 */
class DemoScriptsTest {

    @TempDir
    Path dir;

    private String run(Path file) {
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
        Shell shell = new Shell(Session.withEmbeddedSample(), Commands.table(),
                new PrintStream(outBytes, true, StandardCharsets.UTF_8), false);
        shell.setReporter(new ErrorReporter(err, false));
        try {
            new ScriptRunner(shell, () -> false).runFile(file);
        } catch (RuntimeException e) {
            new ErrorReporter(err, false).report(e);
        }
        String errors = errBytes.toString(StandardCharsets.UTF_8);
        assertEquals("", errors, file + " failed");
        assertEquals(0, shell.failures(), file.toString());
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void noScriptWritesToAFixedNameInTmp() throws IOException {
        try (var scripts = Files.list(Path.of("scripts"))) {
            for (Path s : scripts.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(s);
                assertTrue(!text.contains("/tmp/"), s + " names a fixed /tmp path: scratch files go to mktemp -d");
            }
        }
    }

    @Test
    void db2TellsItsStoryWithItsExpectationsHolding() {
        String out = run(Path.of("scripts/db2.msh"));
        assertTrue(out.contains("dead (0 on every image, passing back no gradient): 6 units"), out);
    }

    @Test
    void inspectWalksEveryInspectionCommand() {
        String out = run(Path.of("scripts/inspect.msh"));
        assertTrue(out.contains("PASS"), "gradcheck passes on the seed network: " + out);
    }

    @Test
    void seedShortenedTo500UpdatesGivesTheReadmesAccuracies() throws IOException {
        String text = Files.readString(Path.of("scripts/seed.msh"));
        assertTrue(text.contains("\nstep 3000\n"), text);
        Path shortened = Files.writeString(dir.resolve("seed-500.msh"), text.replace("\nstep 3000\n", "\nstep 500\n"));
        String out = run(shortened);
        // README, "Accuracy": after 500 updates, 92.1% train and 91.1% test
        assertTrue(out.contains("train accuracy 92.13%"), out);
        assertTrue(out.contains("test accuracy 91.10%"), out);
        assertTrue(out.contains("WRONG"), "show --wrong ends it with a mistake: " + out);
    }

    @Test
    void convReachesNinetyEightPercentAsItsExpectSays() {
        String out = run(Path.of("scripts/conv.msh"));
        assertTrue(out.contains("network conv16k5-pool2-conv32k5-pool2-128-10"), out);
        assertTrue(out.lines().anyMatch(l -> l.matches(" *3 +conv32k5 +conv 5x5 valid +16x12x12 +32x8x8 +12832")), out);
        assertTrue(out.contains("ok: test-accuracy >= 0.98"), out);
    }
}
