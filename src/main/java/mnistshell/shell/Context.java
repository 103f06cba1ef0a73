package mnistshell.shell;

import java.io.PrintStream;
import java.util.function.BooleanSupplier;
import mnistshell.panel.Screens;
import mnistshell.session.Session;

/**
 * What a running command can reach: the session it works on, where results go, the table of
 * commands (for help and for running files), and whether the user has asked it to stop.
 */
public final class Context {

    private final Shell shell;
    private final BooleanSupplier cancelled;

    Context(Shell shell, BooleanSupplier cancelled) {
        this.shell = shell;
        this.cancelled = cancelled;
    }

    public Session session() {
        return shell.session();
    }

    /** Where results go: standard output, so they can be piped and captured. */
    public PrintStream out() {
        return shell.out();
    }

    public CommandTable commands() {
        return shell.commands();
    }

    public Shell shell() {
        return shell;
    }

    /** True once the user pressed Ctrl-C while this command runs: stop at the next consistent point. */
    public boolean cancelled() {
        return cancelled.getAsBoolean();
    }

    /** Whether a person is at the keyboard (progress may be drawn in place) or input is a file or pipe. */
    public boolean interactive() {
        return shell.interactive();
    }

    /** The terminal's width now (80 when there is none). */
    public int columns() {
        return shell.columns();
    }

    /** Where full-screen panels open, or null when there is no terminal: then print text instead. */
    public Screens screens() {
        return shell.screens();
    }
}
