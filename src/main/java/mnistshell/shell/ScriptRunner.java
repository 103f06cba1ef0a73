package mnistshell.shell;

import mnistshell.errors.ShellError;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import mnistshell.files.FileRefusal;
import mnistshell.files.ReadStopped;
import mnistshell.files.ReadableFile;

/**
 * Runs commands one line at a time from a command file, standard input or {@code -c}, through the
 * same {@link Shell#execute} as the prompt. {@code #} starts a comment. A failing command is located
 * at {@code FILE:LINE} (or {@code line N}, or {@code -c}), with the lines of the files that ran this
 * one; it stops the run ({@code set bail on}, the default), or is reported and the run goes on
 * ({@code set bail off}), the shell counting the failure for the exit status. Files may run files,
 * up to {@link #MAX_DEPTH} deep.
 */
public final class ScriptRunner {

    /** Deeper than this, a file is almost surely running itself. */
    public static final int MAX_DEPTH = 16;
    public static final String STARTUP_FILE = ".mnist_shellrc";
    static final String KIND = "command file";
    /** Far more than any file of commands typed by a person or a script. */
    static final long MAX_FILE_BYTES = 16L << 20;

    private final Shell shell;
    private final BooleanSupplier cancelled;
    /** Whether every error is reported and the run goes on, whatever {@code set bail} says (the startup file). */
    private final boolean goOn;

    public ScriptRunner(Shell shell, BooleanSupplier cancelled) {
        this(shell, cancelled, false);
    }

    private ScriptRunner(Shell shell, BooleanSupplier cancelled, boolean goOn) {
        this.shell = shell;
        this.cancelled = cancelled;
        this.goOn = goOn;
    }

    /**
     * Runs the command file at {@code path}; errors are located as {@code PATH:LINE}. The file is
     * read whole before its first line runs: Ctrl-C while reading runs none of it, and a line
     * that runs {@code step} keeps Ctrl-C for the step.
     */
    public void runFile(Path path) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(
                    ReadableFile.readAll(path, KIND, MAX_FILE_BYTES, cancelled))).toString();
        } catch (FileRefusal e) {
            throw new ShellError(e.getMessage());
        } catch (ReadStopped e) {
            throw new ShellError(e.getMessage() + "; none of it ran");
        } catch (CharacterCodingException e) {
            throw new ShellError(path + ": not UTF-8 text: expected a " + KIND);
        }
        run(new StringReader(text), path + ":");
    }

    /**
     * Runs every line of {@code in}. Line N is located as {@code prefix + N}, e.g. {@code seed.msh:12}
     * or {@code line 12}.
     */
    public void run(Reader in, String prefix) {
        if (shell.runningLines().size() >= MAX_DEPTH) {
            throw new ShellError("command files nested more than " + MAX_DEPTH + " deep: does a file run itself?");
        }
        BufferedReader lines = in instanceof BufferedReader b ? b : new BufferedReader(in);
        int number = 0;
        try {
            for (String line = lines.readLine(); line != null && !shell.exitRequested(); line = lines.readLine()) {
                number++;
                runLine(line, prefix + number);
            }
        } catch (IOException e) {
            throw new ShellError("cannot read line " + (number + 1) + ": " + e.getMessage()).at(prefix + (number + 1));
        }
    }

    /** Refuses, before anything runs, a command file that {@link #runFile} could not read. */
    public static void checkCommandFile(Path path) {
        try {
            ReadableFile.check(path, KIND);
        } catch (FileRefusal e) {
            throw new ShellError(e.getMessage());
        }
    }

    /** Runs {@code commands} given with {@code -c}; errors are located as {@code -c}. */
    public void runInline(String commands) {
        runLine(commands, "-c");
    }

    /**
     * Runs {@code ~/.mnist_shellrc} if there is one, as shells run their rc files: each error is
     * reported with its {@code FILE:LINE} and the next line runs all the same, whatever {@code set
     * bail} says (a file it runs stops at its own first error, as bail says, and the startup file
     * goes on after it). The prompt then opens.
     */
    public void runStartupFile(Path home) {
        Path rc = home.resolve(STARTUP_FILE);
        if (Files.exists(rc)) { // a FIFO or directory there is reported, not passed over in silence
            try {
                new ScriptRunner(shell, cancelled, true).runFile(rc);
            } catch (ShellError e) { // the file could not be read at all
                shell.reportAndGoOn(e);
            }
        }
    }

    /** Each command of {@code line} in turn, located at {@code here}. */
    private void runLine(String line, String here) {
        List<String> callers = new ArrayList<>(shell.runningLines());
        java.util.Collections.reverse(callers); // innermost first
        shell.runningLines().addLast(here);
        try {
            for (List<String> words : parse(line, here, callers)) {
                if (shell.exitRequested()) {
                    return;
                }
                try {
                    shell.execute(words, cancelled);
                } catch (RuntimeException e) {
                    fail(ShellError.internal(e).at(here, callers));
                }
            }
        } finally {
            shell.runningLines().removeLast();
        }
    }

    private List<List<String>> parse(String line, String here, List<String> callers) {
        try {
            return CommandLine.parse(line);
        } catch (ShellError e) {
            fail(e.at(here, callers));
            return List.of();
        }
    }

    private void fail(ShellError located) {
        if (shell.options().bail() && !goOn) {
            throw located;
        }
        shell.reportAndGoOn(located);
    }
}
