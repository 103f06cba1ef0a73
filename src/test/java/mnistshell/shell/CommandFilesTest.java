package mnistshell.shell;

import mnistshell.errors.ShellError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nested command files, the chain in errors, the depth limit, bail, echo, the startup file, the command log. */
class CommandFilesTest {

    final ShellFixture f = new ShellFixture(false);
    final ScriptRunner runner = new ScriptRunner(f.shell, () -> false);

    @TempDir
    Path dir;

    {
        f.shell.setReporter(f.reporter);
    }

    Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void anErrorDeepInsideNestedFilesShowsTheChain() throws IOException {
        Path inner = file("inner.msh", "echo inner\nshow 99999\n");
        Path middle = file("middle.msh", "# runs inner\nrun " + inner + "\n");
        Path outer = file("outer.msh", "step 1\nrun " + middle + "\nstep 1\n");
        ShellError e = assertThrows(ShellError.class, () -> runner.runInline("run " + outer));
        f.reporter.report(e);
        String err = f.err();
        assertTrue(err.startsWith(inner + ":2: error: show: "), err);
        assertTrue(err.endsWith(" (run from " + middle + ":2, from " + outer + ":2, from -c)\n"), err);
        assertEquals(1, err.lines().count(), "one line");
        assertEquals(1, f.session.iteration(), "outer.msh:3 did not run");
    }

    @Test
    void aFileThatRunsItselfIsStoppedAtTheDepthLimit() throws IOException {
        Path self = dir.resolve("self.msh");
        Files.writeString(self, "echo again\nrun " + self + "\n");
        ShellError e = assertThrows(ShellError.class, () -> runner.runFile(self));
        assertTrue(e.getMessage().contains("nested more than " + ScriptRunner.MAX_DEPTH + " deep"), e.getMessage());
        assertEquals(self + ":2", e.where());
        assertEquals(ScriptRunner.MAX_DEPTH - 1, e.callers().size());
        assertEquals(ScriptRunner.MAX_DEPTH, f.out().lines().filter(l -> l.equals("again")).count());
    }

    @Test
    void bailOffGoesOnPastErrorsReportingEachAndCountingThem() throws IOException {
        Path script = file("lax.msh", "set bail off\nstpe 1\nstep 1\nshow -5\nstep 1; frob; step 1\n");
        runner.runFile(script);
        assertEquals(3, f.session.iteration(), "every good command ran");
        assertEquals(3, f.shell.failures());
        List<String> errors = f.err().lines().toList();
        assertEquals(3, errors.size(), f.err());
        assertTrue(errors.get(0).startsWith(script + ":2: error: unknown command 'stpe'"), errors.get(0));
        assertTrue(errors.get(1).startsWith(script + ":4: error: show:"), errors.get(1));
        assertTrue(errors.get(2).startsWith(script + ":5: error: unknown command 'frob'"), errors.get(2));
    }

    @Test
    void echoPrintsEachCommandBeforeItRuns() {
        runner.runInline("echo 'a  b'; set echo on; echo hello; set echo off; echo done");
        assertEquals("a  b\necho = on\necho hello\nhello\nset echo off\necho = off\ndone\n", f.out());
    }

    @Test
    void setListsTheShellSettingsAndRefusesNonsense() {
        ShellError e = assertThrows(ShellError.class, () -> runner.runInline("set echo maybe"));
        assertTrue(e.getMessage().contains("set echo: expected on or off, found 'maybe'"), e.getMessage());
        runner.runInline("set bail off; set");
        assertTrue(f.out().contains("bail         off"), f.out());
        assertTrue(f.out().contains("echo         off"), f.out());
    }

    @Test
    void theStartupFileGoesOnPastItsErrorsAsShellsDoWithRcFiles() throws IOException {
        Path inner = file("inner.msh", "set momentum 0.5\nfrob inner\nset beta1 0.5\n");
        file(ScriptRunner.STARTUP_FILE, "set lr 0.05\nfrob\nstep 2\nset batch 2147483648\nrun " + inner
                + "\nset l2 0.001\n");
        runner.runStartupFile(dir);
        assertEquals("0.05", f.session.training().settings().value("lr"), "the line before the error ran");
        assertEquals(2, f.session.iteration(), "the line after the error ran");
        assertEquals("0.001", f.session.training().settings().value("l2"), "and so did the last line");
        assertEquals("0.5", f.session.training().settings().value("momentum"));
        assertEquals("0.9", f.session.training().settings().value("beta1"), "bail is on: a file it runs stops");
        assertEquals("full", f.session.training().settings().value("batch"));
        Path rc = dir.resolve(ScriptRunner.STARTUP_FILE);
        String[] errors = f.err().split("\n");
        assertEquals(3, errors.length, f.err());
        assertTrue(errors[0].startsWith(rc + ":2: error: unknown command 'frob'"), errors[0]);
        assertTrue(errors[1].startsWith(rc + ":4: error: set batch: must be"), errors[1]);
        assertTrue(errors[2].startsWith(inner + ":2: error: unknown command 'frob'"), errors[2]);
        assertTrue(errors[2].endsWith("(run from " + rc + ":5)"), errors[2]);
        assertTrue(f.shell.options().bail(), "bail itself is as it was");
        new ScriptRunner(f.shell, () -> false).runStartupFile(dir.resolve("nowhere")); // none: nothing happens
    }

    @Test
    void theCommandLogKeepsWhatRanAndNotTheRunLineItself() throws IOException {
        Path script = file("s.msh", "set lr   0.2 # comment\necho 'x y'\n");
        runner.runInline("step 1; run " + script);
        assertEquals(List.of("step 1", "set lr 0.2", "echo 'x y'"), f.shell.commandLog());
    }
}
