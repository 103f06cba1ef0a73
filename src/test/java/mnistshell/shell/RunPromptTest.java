package mnistshell.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The prompt names the current run once there is more than one. */
class RunPromptTest {

    @Test
    void promptShowsTheRunNameOnlyWithSeveralRuns() {
        ShellFixture f = new ShellFixture(false);
        assertEquals("mnist> ", Repl.prompt(f.session));
        f.shell.execute("fork relu", () -> false);
        assertEquals("mnist[relu]> ", Repl.prompt(f.session));
        f.shell.execute("switch main; drop relu", () -> false);
        assertEquals("mnist> ", Repl.prompt(f.session));
    }
}
