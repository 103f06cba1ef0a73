package mnistshell.shell;

import mnistshell.errors.Values;
import mnistshell.errors.ShellError;
import java.util.ArrayList;
import java.util.List;

/**
 * The words after a command's name. A command takes what it expects, options first
 * ({@code --seed 7}), then positionals in order, and finally calls {@link #done()}, which refuses
 * anything left over. Numbers are parsed by {@link Values}, against their ranges, before a command
 * does anything, so a refused argument changes nothing. Every refusal is a {@link ShellError} that
 * names the command.
 */
public final class Args {

    private final Command command;
    private final List<String> words;

    public Args(Command command, List<String> words) {
        this.command = command;
        this.words = new ArrayList<>(words);
    }

    /** Removes {@code --name VALUE} and returns VALUE, or null when the option is absent. */
    public String option(String name) {
        int at = words.indexOf(name);
        if (at < 0) {
            return null;
        }
        if (at + 1 >= words.size()) {
            throw error(name + " needs a value");
        }
        String value = words.get(at + 1);
        words.subList(at, at + 2).clear();
        return value;
    }

    /** Whether {@code --name} is among the words still untaken (it stays there). */
    public boolean has(String name) {
        return words.contains(name);
    }

    /** Removes the flag {@code --name} and says whether it was there. */
    public boolean flag(String name) {
        return words.remove(name);
    }

    /** {@code --name N} as a long in [min, max], or {@code absent} when not given. */
    public long longOption(String name, long absent, long min, long max) {
        String value = option(name);
        return value == null ? absent : value(() -> Values.longIn(name, value, min, max));
    }

    /** {@code --name N} as an int in [min, max], or {@code absent} when not given. */
    public int intOption(String name, int absent, int min, int max) {
        String value = option(name);
        return value == null ? absent : value(() -> Values.intIn(name, value, min, max));
    }

    /** {@code --name X} as a number in {@code range}, or {@code absent} when not given. */
    public double numberOption(String name, double absent, Values.Range range) {
        String value = option(name);
        return value == null ? absent : value(() -> Values.number(name, value, range));
    }

    /** The next positional word, or null when there is none. */
    public String next() {
        for (int i = 0; i < words.size(); i++) {
            if (!words.get(i).startsWith("--")) {
                return words.remove(i);
            }
        }
        return null;
    }

    /** The next positional as an int in [min, max] named {@code what}, or {@code absent} when there is none. */
    public int nextInt(String what, int absent, int min, int max) {
        String value = next();
        return value == null ? absent : value(() -> Values.intIn(what, value, min, max));
    }

    /** The next positional as a number in {@code range} named {@code what}; refused when there is none. */
    public double nextNumber(String what, Values.Range range) {
        String value = next();
        if (value == null) {
            throw error(what + " is missing");
        }
        return value(() -> Values.number(what, value, range));
    }

    /** Refuses any word no one took. */
    public void done() {
        if (!words.isEmpty()) {
            String word = words.get(0);
            throw error((word.startsWith("--") ? "unknown option " : "unexpected argument ") + Values.shown(word));
        }
    }

    /**
     * An error about this command's arguments, with its usage appended when the line still fits 80
     * columns after a location such as {@code seed.msh:12: error: }, else a pointer to its help.
     */
    public ShellError error(String message) {
        String bare = command.name() + ": " + message;
        for (String hint : List.of(" (usage: " + command.usage() + ")", " (see help " + command.name() + ")")) {
            if (bare.length() + hint.length() <= USAGE_BUDGET) {
                return new ShellError(bare + hint);
            }
        }
        return new ShellError(bare);
    }

    /** 80 columns less room for a location such as {@code -c: error: }. */
    static final int USAGE_BUDGET = 69;

    /**
     * An error about one value: it names the command, the argument, its range and what was found,
     * and leaves out the usage, which the argument's name already points to (and which would push
     * the line past 80 columns).
     */
    public ShellError valueError(String message) {
        return new ShellError(command.name() + ": " + message);
    }

    /**
     * A value another layer parses (such as {@code ImageRef.parse}), its refusal reported in this
     * command's name as {@link #valueError} reports it.
     */
    public <T> T value(java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (ShellError e) {
            throw valueError(e.getMessage());
        }
    }
}
