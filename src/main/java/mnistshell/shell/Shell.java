package mnistshell.shell;

import java.io.PrintStream;
import java.util.List;
import java.util.function.BooleanSupplier;
import mnistshell.panel.Screens;
import mnistshell.session.Session;

/**
 * The single dispatch every line goes through, whether typed at the prompt ({@link Repl}), read
 * from a command file or standard input ({@link ScriptRunner}), or given with {@code -c}: split it
 * into commands, look each up in the {@link CommandTable}, and run it on the {@link Session}.
 */
public final class Shell {

    private final Session session;
    private final CommandTable commands;
    private final PrintStream out;
    private final boolean interactive;
    private boolean exitRequested;
    private Screens screens;

    public Shell(Session session, CommandTable commands, PrintStream out, boolean interactive) {
        this.session = session;
        this.commands = commands;
        this.out = out;
        this.interactive = interactive;
    }

    /** Runs every command on {@code line}, stopping at the first that fails (its {@link ShellError} propagates). */
    public void execute(String line, BooleanSupplier cancelled) {
        for (List<String> words : CommandLine.parse(line)) {
            if (exitRequested) {
                return;
            }
            Command command = commands.lookup(words.get(0));
            Args args = new Args(command, words.subList(1, words.size()));
            try {
                command.run(args, new Context(this, cancelled));
            } catch (RuntimeException e) {
                throw ShellError.internal(e);
            } finally {
                out.flush();
            }
        }
    }

    /** Asks the shell to stop once the current command returns ({@code exit}, {@code quit}). */
    public void requestExit() {
        exitRequested = true;
    }

    public boolean exitRequested() {
        return exitRequested;
    }

    public Session session() {
        return session;
    }

    public CommandTable commands() {
        return commands;
    }

    public PrintStream out() {
        return out;
    }

    public boolean interactive() {
        return interactive;
    }

    /** Lets commands open full-screen panels on {@code screens}; the prompt calls it when a real terminal is there. */
    public void useScreens(Screens screens) {
        this.screens = screens;
    }

    /** Where panels open, or null when there is no terminal for them (files, pipes, -c, tests). */
    public Screens screens() {
        return screens;
    }
}
