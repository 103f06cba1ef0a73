package mnistshell.shell;

import mnistshell.errors.ShellError;
import java.util.List;
import org.jline.reader.Completer;

/**
 * One shell command. Each lives in its own class in {@code mnistshell.commands}, named after it, and
 * is registered once in {@link CommandTable}; help and TAB completion are made from what it says here.
 * Its name, usage and summary are one line of its constructor, so a command's metadata reads at a glance.
 */
public abstract class Command {

    private final String name;
    private final String usage;
    private final String summary;

    /**
     * {@code name} is the word typed at the prompt ({@code step}), {@code usage} its synopsis
     * ({@code step [N]}), {@code summary} its one line in the table that {@code help} prints.
     */
    protected Command(String name, String usage, String summary) {
        this.name = name;
        this.usage = usage;
        this.summary = summary;
    }

    /** The word typed at the prompt, e.g. {@code step}. */
    public final String name() {
        return name;
    }

    /** Its synopsis, e.g. {@code step [N]}. */
    public final String usage() {
        return usage;
    }

    /** One line for the table that {@code help} prints. */
    public final String summary() {
        return summary;
    }

    /** More lines for {@code help NAME}: arguments, defaults, examples. */
    public String details() {
        return "";
    }

    /** Completers for the arguments after the name, position by position. */
    public List<Completer> argumentCompleters() {
        return List.of();
    }

    /**
     * The same, for completers that read the session when TAB is pressed (its tensor names, the
     * sets it holds): {@code ctx} stays valid as the session changes.
     */
    public List<Completer> argumentCompleters(Context ctx) {
        return argumentCompleters();
    }

    /**
     * Whether the command log a saved session keeps records this command; {@code run} says no, as the
     * lines of its file are recorded one by one.
     */
    public boolean logged() {
        return true;
    }

    /** Does the work. Throws {@link ShellError} when it cannot be done as asked. */
    public abstract void run(Args args, Context ctx);
}
