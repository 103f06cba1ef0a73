package mnistshell.shell;

import mnistshell.errors.ShellError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings of the shell itself rather than of training: {@code echo} prints each command before it
 * runs; {@code bail} (on by default) stops a command file at its first error, and off goes on past
 * errors, reporting each, the exit status still saying that something failed.
 */
public final class ShellOptions {

    public static final List<String> KEYS = List.of("echo", "bail");

    private boolean echo;
    private boolean bail = true;

    public boolean echo() {
        return echo;
    }

    public boolean bail() {
        return bail;
    }

    /** {@code set echo on}, {@code set bail off}, ...; refuses anything but on or off. */
    public void set(String key, List<String> words) {
        if (words.size() != 1 || !(words.get(0).equals("on") || words.get(0).equals("off"))) {
            throw new ShellError("set " + key + ": expected on or off, found '" + String.join(" ", words) + "'");
        }
        boolean on = words.get(0).equals("on");
        switch (key) {
            case "echo" -> echo = on;
            case "bail" -> bail = on;
            default -> throw new ShellError("unknown shell setting '" + key + "': expected echo or bail");
        }
    }

    /** Each key with its value and meaning, for {@code set}'s listing. */
    public Map<String, String[]> table() {
        Map<String, String[]> rows = new LinkedHashMap<>();
        rows.put("echo", new String[] {echo ? "on" : "off", "print each command before it runs"});
        rows.put("bail", new String[] {bail ? "on" : "off", "stop a command file at its first error"});
        return rows;
    }
}
