package mnistshell.shell;

import mnistshell.errors.ShellError;
import java.io.PrintStream;
import mnistshell.render.SafeText;

/**
 * The one place errors reach the user: a single line on standard error,
 * {@code WHERE: error: MESSAGE}, where WHERE is the file and line (or {@code line N} of standard
 * input, or {@code -c}) and is left out at the prompt. An error in a file run by another file ends
 * with the chain that ran it, {@code (run from outer.msh:3, from -c)}. Stack traces only with
 * {@code --debug}. Control characters in the line (from a file name, a word typed or read from a
 * file) are escaped by {@link SafeText}.
 */
public final class ErrorReporter {

    private final PrintStream err;
    private final boolean debug;

    public ErrorReporter(PrintStream err, boolean debug) {
        this.err = err;
        this.debug = debug;
    }

    public void report(RuntimeException problem) {
        ShellError e = ShellError.internal(problem);
        String prefix = e.where() == null ? "" : e.where() + ": ";
        String chain = e.callers().isEmpty() ? "" : " (run from " + String.join(", from ", e.callers()) + ")";
        // a message may carry a file's name or a word from a file: escaped, it stays one harmless line
        if (e.isInternal()) {
            err.println(SafeText.escape(prefix + "internal error: " + e.getMessage() + chain
                    + (debug ? "" : " (run with --debug to see where)")));
        } else {
            err.println(SafeText.escape(prefix + "error: " + e.getMessage() + chain));
        }
        if (debug) {
            (e.getCause() != null ? e.getCause() : e).printStackTrace(err);
        }
        err.flush();
    }
}
