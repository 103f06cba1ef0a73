package mnistshell.shell;

import mnistshell.errors.ShellError;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a typed line into commands and words: {@code ;} separates commands, whitespace separates
 * words, single or double quotes keep spaces (and {@code ;} and {@code #}) inside a word, and
 * {@code #} outside quotes starts a comment that runs to the end of the line.
 */
public final class CommandLine {

    private CommandLine() {
    }

    /** The commands on {@code line}, each as its words; empty commands are dropped. */
    public static List<List<String>> parse(String line) {
        List<List<String>> commands = new ArrayList<>();
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                word = word == null ? new StringBuilder() : word;
            } else if (c == '#' && word == null) {
                break;
            } else if (c == ';' || Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
                if (c == ';') {
                    addIfAny(commands, words);
                    words = new ArrayList<>();
                }
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (quote != 0) {
            throw new ShellError("unterminated " + quote + "quote");
        }
        if (word != null) {
            words.add(word.toString());
        }
        addIfAny(commands, words);
        return commands;
    }

    private static void addIfAny(List<List<String>> commands, List<String> words) {
        if (!words.isEmpty()) {
            commands.add(words);
        }
    }

    /** {@code words} as a line that parses back to them: words with spaces, quotes, ';' or '#' are quoted. */
    public static String format(List<String> words) {
        StringBuilder line = new StringBuilder();
        for (String w : words) {
            line.append(line.length() == 0 ? "" : " ");
            boolean plain = !w.isEmpty() && w.chars().noneMatch(c -> Character.isWhitespace(c) || "'\";#".indexOf(c) >= 0);
            line.append(plain ? w : w.contains("'") ? "\"" + w + "\"" : "'" + w + "'");
        }
        return line.toString();
    }
}
