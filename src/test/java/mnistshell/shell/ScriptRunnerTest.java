package mnistshell.shell;

import mnistshell.errors.ShellError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Command files, piped input and -c: the same dispatch, errors located, the first error stops the run. */
class ScriptRunnerTest {

    final ShellFixture f = new ShellFixture(false);
    final ScriptRunner runner = new ScriptRunner(f.shell, () -> false);

    @TempDir
    Path dir;

    @Test
    void runsAFileWithCommentsAndBlankLines() throws IOException {
        Path file = Files.writeString(dir.resolve("ok.msh"), "# train a little\n\nstep 2   # two updates\neval\n");
        runner.runFile(file);
        assertEquals(2, f.session.iteration());
        assertTrue(f.out().contains("test accuracy"));
    }

    @Test
    void theFirstErrorStopsTheFileAndNamesFileAndLine() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.msh"), "step 1\n# comment\nstep many\nstep 1\n");
        ShellError e = assertThrows(ShellError.class, () -> runner.runFile(file));
        f.reporter.report(e);
        assertEquals(file + ":3: error: step: N must be an integer from 1 to 100000000, found 'many'\n",
                f.err());
        assertEquals(1, f.session.iteration(), "line 4 did not run");
    }

    @Test
    void pipedInputIsLocatedByLineNumber() {
        ShellError e = assertThrows(ShellError.class, () -> runner.run(new StringReader("eval\nfrobnicate\n"), "line "));
        f.reporter.report(e);
        assertTrue(f.err().startsWith("line 2: error: unknown command 'frobnicate'"), f.err());
    }

    @Test
    void inlineCommandsRunInOrderAndStopAtTheFirstError() {
        ShellError e = assertThrows(ShellError.class, () -> runner.runInline("step 1; stpe 3; step 1"));
        f.reporter.report(e);
        assertTrue(f.err().startsWith("-c: error: unknown command 'stpe'"), f.err());
        assertEquals(1, f.session.iteration());
    }

    @Test
    void exitEndsTheFileEarly() throws IOException {
        Path file = Files.writeString(dir.resolve("exit.msh"), "step 1\nexit\nstep 1\n");
        runner.runFile(file);
        assertEquals(1, f.session.iteration());
    }

    @Test
    void aFileRunFromAFileReportsTheInnermostLine() throws IOException {
        Path inner = Files.writeString(dir.resolve("inner.msh"), "eval\nshow 99999\n");
        Path outer = Files.writeString(dir.resolve("outer.msh"), "run " + inner + "\n");
        ShellError e = assertThrows(ShellError.class, () -> runner.runFile(outer));
        assertEquals(inner + ":2", e.where());
    }

    @Test
    void aMissingFileIsOneLine() {
        ShellError e = assertThrows(ShellError.class, () -> runner.runFile(dir.resolve("none.msh")));
        assertTrue(e.getMessage().endsWith("none.msh: no such command file"), e.getMessage());
    }

    @Test
    void aCancelledStepStopsBetweenUpdates() {
        AtomicInteger checks = new AtomicInteger();
        new ScriptRunner(f.shell, () -> checks.incrementAndGet() > 3).runInline("step 1000");
        assertTrue(f.session.iteration() > 0 && f.session.iteration() < 1000, "stopped after " + f.session.iteration());
        assertTrue(f.out().contains("interrupted: the weights are those after update " + f.session.iteration()), f.out());
        assertFalse(f.out().contains("update 1000 "));
    }
}
