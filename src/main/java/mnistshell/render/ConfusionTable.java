package mnistshell.render;

import java.util.List;
import mnistshell.inspect.Confusion;

/**
 * A confusion matrix as text: a row per true label and a column per prediction, {@code .} for an
 * empty cell so the diagonal stands out, each row's recall at its end, each column's precision
 * in a last row, and the most confused pairs named underneath. Fits 80 columns for ten classes.
 */
public final class ConfusionTable {

    private ConfusionTable() {
    }

    /** The table and a line naming the {@code pairs} most confused pairs. */
    public static String render(Confusion c, int pairs) {
        int k = c.classes();
        String[] header = new String[k + 2];
        header[0] = "label";
        int width = cellWidth(c);
        for (int p = 0; p < k; p++) {
            header[p + 1] = String.format("%" + width + "d", p); // every column as wide as the widest
        }
        header[k + 1] = "recall";
        Table table = new Table(header);
        for (int l = 0; l < k; l++) {
            String[] cells = new String[k + 2];
            cells[0] = Integer.toString(l);
            for (int p = 0; p < k; p++) {
                cells[p + 1] = c.counts()[l][p] == 0 ? "." : Integer.toString(c.counts()[l][p]);
            }
            cells[k + 1] = percent(c.recall(l));
            table.row(cells);
        }
        String[] precision = new String[k + 2];
        precision[0] = "precision";
        for (int p = 0; p < k; p++) {
            precision[p + 1] = percent(c.precision(p));
        }
        precision[k + 1] = "";
        return table.row(precision).render() + confused(c.mostConfused(pairs)) + "\n";
    }

    /** The widest cell of the matrix, its counts and percentages alike. */
    private static int cellWidth(Confusion c) {
        int width = 1;
        for (int l = 0; l < c.classes(); l++) {
            for (int p = 0; p < c.classes(); p++) {
                width = Math.max(width, Integer.toString(c.counts()[l][p]).length());
            }
            width = Math.max(width, percent(c.precision(l)).length());
        }
        return width;
    }

    private static String confused(List<Confusion.Pair> pairs) {
        if (pairs.isEmpty()) {
            return "no digit is taken for another";
        }
        StringBuilder s = new StringBuilder("most confused:");
        for (Confusion.Pair p : pairs) {
            s.append(String.format(" %d as %d (%d)%s", p.label(), p.predicted(), p.count(),
                    p == pairs.get(pairs.size() - 1) ? "" : ","));
        }
        return s.toString();
    }

    /** "98%", or "-" when undefined. */
    static String percent(double share) {
        return Double.isNaN(share) ? "-" : Math.round(100 * share) + "%";
    }
}
