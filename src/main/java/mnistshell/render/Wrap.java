package mnistshell.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Text fitted to a width, counted in characters, broken only at spaces, so a number is never cut.
 * Lines that already fit are left as written. A line that does not is broken with a hanging indent:
 * the column where its description starts in a {@code term   description} line (a run of two or more
 * spaces after the term), or its own leading indent. A help paragraph, lines that start at column 0,
 * or a term's description continued on lines indented to its column, is reflowed as one text when
 * any of its lines is too long, so it does not come out ragged.
 */
public final class Wrap {

    public static final int COLUMNS = 80;

    private Wrap() {
    }

    /** Every line of {@code text} within {@code width}; a word longer than the width stays whole. */
    public static String block(String text, int width) {
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < lines.length) {
            int indent = hangingIndent(lines[i]);
            int end = i + 1;
            while (end < lines.length && continues(lines[end], lead(lines[i]), indent)) {
                end++;
            }
            boolean tooLong = false;
            for (int k = i; k < end; k++) {
                tooLong |= lines[k].length() > width;
            }
            if (tooLong) {
                StringBuilder joined = new StringBuilder(lines[i].stripTrailing());
                for (int k = i + 1; k < end; k++) {
                    joined.append(' ').append(lines[k].strip());
                }
                out.append(line(joined.toString(), width));
            } else {
                for (int k = i; k < end; k++) {
                    out.append(lines[k]).append(k + 1 < lines.length ? "\n" : "");
                }
            }
            if (tooLong && end < lines.length) {
                out.append('\n');
            }
            i = end;
        }
        return out.toString();
    }

    /** One line broken at spaces into lines within {@code width}, continued at its hanging indent. */
    public static String line(String text, int width) {
        return line(text, width, hangingIndent(text));
    }

    /** One line broken at spaces within {@code width}, its continuation lines indented by {@code indent}. */
    public static String line(String text, int width, int indent) {
        if (text.length() <= width) {
            return text;
        }
        List<String> out = new ArrayList<>();
        String rest = text;
        while (rest.length() > width) {
            int cut = rest.lastIndexOf(' ', width);
            int floor = out.isEmpty() ? lead(rest) : indent;
            if (cut <= floor) {
                cut = rest.indexOf(' ', Math.max(width, floor + 1));
                if (cut < 0) {
                    break;
                }
            }
            out.add(rest.substring(0, cut).stripTrailing());
            rest = " ".repeat(indent) + rest.substring(cut).strip();
        }
        out.add(rest);
        return String.join("\n", out);
    }

    /** Where a continuation of {@code line} starts: its description column, or its leading indent. */
    static int hangingIndent(String line) {
        int lead = 0;
        while (lead < line.length() && line.charAt(lead) == ' ') {
            lead++;
        }
        int gap = line.indexOf("  ", lead);
        if (gap > lead && gap <= 40) {
            int col = gap;
            while (col < line.length() && line.charAt(col) == ' ') {
                col++;
            }
            if (col < line.length()) {
                return col;
            }
        }
        return lead;
    }

    /**
     * Whether {@code next} carries on the paragraph (at column 0) or the entry (a term at
     * {@code termLead} whose description starts at {@code indent}): an entry goes on with lines set
     * further in than its term that hold no term of their own.
     */
    private static boolean continues(String next, int termLead, int indent) {
        if (next.isBlank()) {
            return false;
        }
        int lead = lead(next);
        if (indent == 0) {
            return lead == 0 && hangingIndent(next) == 0;
        }
        return lead > termLead && hangingIndent(next) == lead;
    }

    private static int lead(String line) {
        int lead = 0;
        while (lead < line.length() && line.charAt(lead) == ' ') {
            lead++;
        }
        return lead;
    }
}
