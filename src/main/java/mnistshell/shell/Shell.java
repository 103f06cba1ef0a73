package mnistshell.shell;

import mnistshell.errors.ShellError;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.BooleanSupplier;
import mnistshell.memory.Heap;
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
    private java.util.function.IntSupplier columns = () -> 80;
    private final ShellOptions options = new ShellOptions();
    private final List<String> commandLog = new ArrayList<>();
    private final Deque<String> runningLines = new ArrayDeque<>();
    private ErrorReporter reporter = new ErrorReporter(System.err, false);
    private int failures;
    private Path modelsDirectory = Path.of("models");

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
            execute(words, cancelled);
        }
    }

    /**
     * Runs one command given as its words (as {@link CommandLine#parse} splits them): echoed first
     * under {@code set echo on}, and logged once it succeeds, for the commands a saved session keeps.
     */
    public void execute(List<String> words, BooleanSupplier cancelled) {
        Command command = commands.lookup(words.get(0));
        Args args = new Args(command, words.subList(1, words.size()));
        if (options.echo()) {
            out.println(CommandLine.format(words));
        }
        try {
            command.run(args, new Context(this, cancelled));
            if (command.logged()) {
                commandLog.add(CommandLine.format(words));
            }
        } catch (RuntimeException e) {
            throw ShellError.internal(e);
        } catch (OutOfMemoryError e) {
            // what the command was building is garbage now; the session changes only once all is built
            throw new ShellError(command.name() + ": out of memory: the Java heap ("
                    + Heap.size(Runtime.getRuntime().maxMemory()) + ") cannot hold what it needs; nothing changed", e);
        } finally {
            out.flush();
        }
    }

    /** Shell settings ({@code set echo}, {@code set bail}), apart from the training's. */
    public ShellOptions options() {
        return options;
    }

    /** The commands run successfully so far (after a {@code load}, the loaded session's first), in order. */
    public List<String> commandLog() {
        return List.copyOf(commandLog);
    }

    /**
     * Logs {@code line} as a command that ran: for a command that does not log itself ({@link
     * Command#logged()} false) but did what {@code line} does, e.g. {@code train}'s steps and sets.
     */
    public void log(String line) {
        commandLog.add(line);
    }

    /** Starts the log again from {@code commands}: those that led to a session just loaded. */
    public void replaceCommandLog(List<String> commands) {
        commandLog.clear();
        commandLog.addAll(commands);
    }

    /** Where errors are reported when a command file goes on past them ({@code set bail off}). */
    public void setReporter(ErrorReporter reporter) {
        this.reporter = reporter;
    }

    /** Reports an error that did not stop the run, and remembers that something failed. */
    public void reportAndGoOn(ShellError e) {
        failures++;
        reporter.report(e);
    }

    /** Errors reported and gone past under {@code set bail off}: the exit status must still say so. */
    public int failures() {
        return failures;
    }

    /** Where {@code save} puts a bare name and {@code models} looks: {@code models/} by default. */
    public Path modelsDirectory() {
        return modelsDirectory;
    }

    public void setModelsDirectory(Path dir) {
        this.modelsDirectory = dir;
    }

    /** The lines of the command files running now, outermost first: where a nested file was run from. */
    Deque<String> runningLines() {
        return runningLines;
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

    /** TAB completion from the command table, each command's completers reading this shell's session. */
    public org.jline.reader.Completer completer() {
        return commands.completer(new Context(this, () -> false));
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

    /** Tells commands how wide the terminal is now (the prompt's terminal; 80 elsewhere). */
    public void useColumns(java.util.function.IntSupplier columns) {
        this.columns = columns;
    }

    /** The terminal's width now, for lines redrawn in place; 80 when it cannot say. */
    public int columns() {
        int c = columns.getAsInt();
        return c > 0 ? c : 80;
    }

    /** Where panels open, or null when there is no terminal for them (files, pipes, -c, tests). */
    public Screens screens() {
        return screens;
    }
}
