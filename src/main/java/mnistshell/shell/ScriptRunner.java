package mnistshell.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * Runs commands one line at a time from a command file, standard input or {@code -c}, through the
 * same {@link Shell#execute} as the prompt. {@code #} starts a comment. The first failing command
 * stops the run: its error is located at {@code FILE:LINE} (or {@code line N}) and propagates.
 */
public final class ScriptRunner {

    private final Shell shell;
    private final BooleanSupplier cancelled;

    public ScriptRunner(Shell shell, BooleanSupplier cancelled) {
        this.shell = shell;
        this.cancelled = cancelled;
    }

    /** Runs the command file at {@code path}; errors are located as {@code PATH:LINE}. */
    public void runFile(Path path) {
        if (Files.isDirectory(path)) {
            throw new ShellError(path + ": is a directory, expected a command file");
        }
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            run(in, path + ":");
        } catch (NoSuchFileException e) {
            throw new ShellError(path + ": no such command file");
        } catch (IOException e) {
            throw new ShellError(path + ": cannot read: " + e.getMessage());
        }
    }

    /**
     * Runs every line of {@code in}. Line N is located as {@code prefix + N}, e.g. {@code seed.msh:12}
     * or {@code line 12}.
     */
    public void run(Reader in, String prefix) {
        BufferedReader lines = in instanceof BufferedReader b ? b : new BufferedReader(in);
        int number = 0;
        try {
            for (String line = lines.readLine(); line != null && !shell.exitRequested(); line = lines.readLine()) {
                number++;
                try {
                    shell.execute(line, cancelled);
                } catch (RuntimeException e) {
                    throw ShellError.internal(e).at(prefix + number);
                }
            }
        } catch (IOException e) {
            throw new ShellError("cannot read line " + (number + 1) + ": " + e.getMessage()).at(prefix + (number + 1));
        }
    }

    /** Runs {@code commands} given with {@code -c}; errors are located as {@code -c}. */
    public void runInline(String commands) {
        try {
            shell.execute(commands, cancelled);
        } catch (RuntimeException e) {
            throw ShellError.internal(e).at("-c");
        }
    }
}
