package mnistshell.shell;

import mnistshell.errors.ShellError;
import java.util.List;
import org.jline.reader.Completer;

/**
 * One shell command. Each lives in its own class in {@code mnistshell.commands}, named after it, and
 * is registered once in {@link CommandTable}; help and TAB completion are made from what it says here.
 */
public interface Command {

    /** The word typed at the prompt, e.g. {@code step}. */
    String name();

    /** Its synopsis, e.g. {@code step [N] [--every K]}. */
    String usage();

    /** One line for the table that {@code help} prints. */
    String summary();

    /** More lines for {@code help NAME}: arguments, defaults, examples. */
    default String details() {
        return "";
    }

    /** Completers for the arguments after the name, position by position. */
    default List<Completer> argumentCompleters() {
        return List.of();
    }

    /**
     * The same, for completers that read the session when TAB is pressed (its tensor names, the
     * sets it holds): {@code ctx} stays valid as the session changes.
     */
    default List<Completer> argumentCompleters(Context ctx) {
        return argumentCompleters();
    }

    /**
     * Whether the command log a saved session keeps records this command; {@code run} says no, as the
     * lines of its file are recorded one by one.
     */
    default boolean logged() {
        return true;
    }

    /** Does the work. Throws {@link ShellError} when it cannot be done as asked. */
    void run(Args args, Context ctx);
}
