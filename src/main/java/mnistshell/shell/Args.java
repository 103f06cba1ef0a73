package mnistshell.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * The words after a command's name. A command takes what it expects, options first
 * ({@code --seed 7}), then positionals in order, and finally calls {@link #done()}, which refuses
 * anything left over. Every refusal is a {@link ShellError} that names the command and its usage.
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

    /** Removes the flag {@code --name} and says whether it was there. */
    public boolean flag(String name) {
        return words.remove(name);
    }

    /** {@code --name N} as a long, or {@code absent} when not given. */
    public long longOption(String name, long absent) {
        String value = option(name);
        if (value == null) {
            return absent;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw error(name + " expects an integer, found '" + value + "'");
        }
    }

    /** {@code --name N} as an int in [min, max], or {@code absent} when not given. */
    public int intOption(String name, int absent, int min, int max) {
        String value = option(name);
        return value == null ? absent : toInt(name, value, min, max);
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
        return value == null ? absent : toInt(what, value, min, max);
    }

    /** Refuses any word no one took. */
    public void done() {
        if (!words.isEmpty()) {
            String word = words.get(0);
            throw error((word.startsWith("--") ? "unknown option '" : "unexpected argument '") + word + "'");
        }
    }

    /** An error about this command's arguments, with its usage appended. */
    public ShellError error(String message) {
        return new ShellError(command.name() + ": " + message + " (usage: " + command.usage() + ")");
    }

    private int toInt(String what, String value, int min, int max) {
        long n;
        try {
            n = Long.parseLong(value.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw error(what + " must be an integer, found '" + value + "'");
        }
        if (n < min || n > max) {
            throw error(what + " must be between " + min + " and " + max + ", found " + value);
        }
        return (int) n;
    }
}
