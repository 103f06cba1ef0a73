package mnistshell.errors;

import java.util.List;

/**
 * The one error type for "the user asked for something that cannot be done".
 *
 * <p>Its message is a single line meant for the user, with no stack trace: {@link ErrorReporter}
 * prints it, prefixed with where the command came from ({@code FILE:LINE}) once a
 * {@link ScriptRunner} has said so with {@link #at}. An unexpected exception inside a command is
 * wrapped as an {@linkplain #internal internal} error so that it reaches the user the same way.
 */
public class ShellError extends RuntimeException {

    private final String where;
    private final boolean internal;
    /** The lines that ran the file this error is in, innermost first ({@code run outer.msh} at line N...). */
    private final List<String> callers;

    public ShellError(String message) {
        this(message, null, null, false);
    }

    public ShellError(String message, Throwable cause) {
        this(message, cause, null, false);
    }

    private ShellError(String message, Throwable cause, String where, boolean internal) {
        this(message, cause, where, internal, List.of());
    }

    private ShellError(String message, Throwable cause, String where, boolean internal, List<String> callers) {
        super(message, cause);
        this.where = where;
        this.internal = internal;
        this.callers = List.copyOf(callers);
    }

    /** A bug surfacing in a command: told to the user in one line, the trace kept for {@code --debug}. */
    public static ShellError internal(RuntimeException bug) {
        return bug instanceof ShellError e ? e : new ShellError(bug.toString(), bug, null, true);
    }

    /** This error located at {@code where} (e.g. {@code seed.msh:12}); the innermost location wins. */
    public ShellError at(String where) {
        return this.where != null ? this : new ShellError(getMessage(), getCause(), where, internal, callers);
    }

    /**
     * This error located at {@code where} inside a command file run from {@code callers} (innermost
     * first, e.g. {@code outer.msh:3}, {@code -c}); an error already located is returned as it is.
     */
    public ShellError at(String where, List<String> callers) {
        return this.where != null ? this : new ShellError(getMessage(), getCause(), where, internal, callers);
    }

    /** The lines that ran the file where this error happened, innermost first; empty at the top level. */
    public List<String> callers() {
        return callers;
    }

    /** Where the failing command came from, or null when typed at the prompt. */
    public String where() {
        return where;
    }

    public boolean isInternal() {
        return internal;
    }
}
