package mnistshell.render;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain text table: a header line, then one line per row, columns two spaces apart. The first
 * column (names) is left-aligned, the others (numbers) right-aligned, each as wide as its widest
 * cell. Trailing spaces are never written.
 */
public final class Table {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public Table(String... header) {
        this.header = List.of(header);
    }

    /** Adds a row; it must have a cell per column. */
    public Table row(String... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException(cells.length + " cells for " + header.size() + " columns");
        }
        rows.add(List.of(cells));
        return this;
    }

    /** The table, each line ending in a newline. */
    public String render() {
        int[] widths = new int[header.size()];
        for (List<String> line : allLines()) {
            for (int c = 0; c < widths.length; c++) {
                widths[c] = Math.max(widths[c], line.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> line : allLines()) {
            StringBuilder text = new StringBuilder();
            for (int c = 0; c < widths.length; c++) {
                String cell = line.get(c);
                String pad = " ".repeat(widths[c] - cell.length());
                text.append(c == 0 ? "" : "  ").append(c == 0 ? cell + pad : pad + cell);
            }
            out.append(text.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private List<List<String>> allLines() {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        return all;
    }
}
