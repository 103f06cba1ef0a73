package mnistshell.shell;

import mnistshell.errors.ShellError;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import mnistshell.panel.SystemScreens;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;

/**
 * The interactive prompt: JLine line editing, history kept in a file, TAB completion from the
 * {@link CommandTable}. Ctrl-C clears the line at the prompt and stops a running command at its
 * next consistent point; Ctrl-D, {@code exit} or {@code quit} leave. Errors are reported and the
 * prompt comes back.
 */
public final class Repl {

    static final String PROMPT = "mnist> ";

    private final Shell shell;
    private final Terminal terminal;
    private final LineReader reader;
    private final ErrorReporter reporter;

    /** {@code history} is the history file, or null to keep history in memory only (tests). */
    public Repl(Shell shell, Terminal terminal, Path history, ErrorReporter reporter) {
        this.shell = shell;
        this.terminal = terminal;
        this.reporter = reporter;
        this.reader = lineReader(terminal, shell.completer(), history);
        shell.useColumns(terminal::getWidth);
        if (canOpenPanels(terminal)) {
            shell.useScreens(new SystemScreens(terminal::flush));
        }
    }

    /**
     * Panels need a real terminal on both ends: Lanterna cannot open without one, and with standard
     * input piped it would stall and read keys from the pipe (../shared/TECH-NOTES.md).
     */
    static boolean canOpenPanels(Terminal terminal) {
        return System.console() != null && !terminal.getType().startsWith("dumb");
    }

    /** For tests: a prompt over a given reader. */
    Repl(Shell shell, Terminal terminal, LineReader reader, ErrorReporter reporter) {
        this.shell = shell;
        this.terminal = terminal;
        this.reader = reader;
        this.reporter = reporter;
    }

    static LineReader lineReader(Terminal terminal, org.jline.reader.Completer completer, Path history) {
        DefaultParser parser = new DefaultParser();
        parser.setEscapeChars(null); // backslashes in paths stay as typed
        LineReaderBuilder builder = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("mnist-shell")
                .completer(completer)
                .parser(parser)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true) // '!' is not history expansion
                .option(LineReader.Option.HISTORY_IGNORE_DUPS, true);
        if (history != null) {
            builder.variable(LineReader.HISTORY_FILE, history);
        }
        return builder.build();
    }

    /** Reads and runs lines until end of input or {@code exit}. */
    public void run() {
        boolean dumb = terminal.getType().startsWith("dumb");
        while (!shell.exitRequested()) {
            String line;
            try {
                line = reader.readLine(dumb ? "" : prompt(shell.session()));
            } catch (UserInterruptException e) {
                continue; // Ctrl-C at the prompt: the line is dropped, ask again
            } catch (EndOfFileException e) {
                String partial = e.getPartialLine();
                if (partial != null && !partial.isBlank()) {
                    runLine(partial);
                }
                break;
            }
            runLine(line);
        }
        saveHistory();
    }

    /** "mnist> ", or "mnist[relu]> " with the current run's name when there is more than one run. */
    static String prompt(mnistshell.session.Session session) {
        return session.runNames().size() > 1 ? "mnist[" + session.runName() + "]> " : PROMPT;
    }

    private void runLine(String line) {
        AtomicBoolean interrupted = new AtomicBoolean();
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> interrupted.set(true));
        try {
            shell.execute(line, interrupted::get);
        } catch (RuntimeException e) {
            reporter.report(e);
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
        }
    }

    private void saveHistory() {
        try {
            reader.getHistory().save();
        } catch (Exception e) {
            reporter.report(new ShellError("could not save history: " + e.getMessage()));
        }
    }
}
