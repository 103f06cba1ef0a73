package mnistshell.shell;

import mnistshell.errors.Values;
import mnistshell.errors.ShellError;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jline.reader.Completer;
import org.jline.reader.impl.completer.StringsCompleter;

/** The one table of commands: dispatch, {@code help} and TAB completion all read it. */
public final class CommandTable {

    private final Map<String, Command> commands = new LinkedHashMap<>();

    public CommandTable(List<Command> all) {
        for (Command c : all) {
            if (commands.put(c.name(), c) != null) {
                throw new IllegalArgumentException("command registered twice: " + c.name());
            }
        }
    }

    /** The command called {@code name}; an unknown name is refused with the nearest known one. */
    public Command lookup(String name) {
        Command c = commands.get(name);
        if (c == null) {
            String near = nearest(name);
            throw new ShellError("unknown command " + Values.shown(name)
                    + (near == null ? "" : " (did you mean '" + near + "'?)") + "; type help for the list");
        }
        return c;
    }

    public boolean has(String name) {
        return commands.containsKey(name);
    }

    public Collection<Command> all() {
        return commands.values();
    }

    /**
     * Command names at the first word; after a known command, its own completer for that argument
     * position (the last one repeats, so {@code run} completes every file it is given).
     */
    public Completer completer(Context ctx) {
        StringsCompleter names = new StringsCompleter(commands.keySet());
        return (reader, line, candidates) -> {
            if (line.wordIndex() == 0) {
                names.complete(reader, line, candidates);
                return;
            }
            Command c = commands.get(line.words().get(0));
            List<Completer> parts = c == null ? List.of() : c.argumentCompleters(ctx);
            if (!parts.isEmpty()) {
                parts.get(Math.min(line.wordIndex() - 1, parts.size() - 1)).complete(reader, line, candidates);
            }
        };
    }

    /** The known name closest to {@code typed} by edit distance, if it is close enough to be a typo. */
    private String nearest(String typed) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : commands.keySet()) {
            int d = editDistance(typed, name);
            if (d < bestDistance) {
                best = name;
                bestDistance = d;
            }
        }
        return bestDistance <= Math.max(1, typed.length() / 2) ? best : null;
    }

    /** Damerau-Levenshtein distance (with adjacent transpositions, so 'stpe' is one from 'step'). */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
