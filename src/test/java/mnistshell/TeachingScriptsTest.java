package mnistshell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import mnistshell.commands.Commands;
import mnistshell.session.Session;
import mnistshell.shell.ScriptRunner;
import mnistshell.shell.Shell;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The teaching scripts of issue 14 run on the embedded sample and their expect lines hold. */
class TeachingScriptsTest {

    @ParameterizedTest
    @ValueSource(strings = {"relu-vs-leaky.msh", "raw-vs-scaled.msh", "bias-grad.msh"})
    void runsAndEveryExpectHolds(String script) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Shell shell = new Shell(Session.withEmbeddedSample(), Commands.table(), out, false);
        new ScriptRunner(shell, () -> false).runFile(Path.of("scripts", script)); // a failed expect throws
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("ok: val-accuracy"), printed);
        assertTrue(printed.lines().allMatch(l -> l.length() <= 80), printed);
    }
}
