package mnistshell.render;

import java.util.ArrayList;
import java.util.List;
import mnistshell.inspect.TensorStats;

/** The tables {@code weights} and {@code grads} print: a row of statistics per tensor, and optional extra columns. */
public final class TensorTable {

    static final String[] HEADER = {"tensor", "shape", "mean", "std", "min", "max", "L2", "zeros"};

    private TensorTable() {
    }

    /** The statistics' columns alone, the first headed {@code first} ("tensor", "unit"). */
    public static Table of(String first, List<TensorStats> stats) {
        List<String[]> none = stats.stream().map(s -> new String[0]).toList();
        return of(first, stats, new String[0], none);
    }

    /** The statistics' columns, then {@code extra} columns whose cells {@code cells} gives per row. */
    public static Table of(String first, List<TensorStats> stats, String[] extra, List<String[]> cells) {
        String[] header = new String[HEADER.length + extra.length];
        System.arraycopy(HEADER, 0, header, 0, HEADER.length);
        header[0] = first;
        System.arraycopy(extra, 0, header, HEADER.length, extra.length);
        Table table = new Table(header);
        for (int r = 0; r < stats.size(); r++) {
            TensorStats s = stats.get(r);
            String[] row = {s.name(), s.shape(), Numbers.brief(s.mean()), Numbers.brief(s.std()),
                Numbers.brief(s.min()), Numbers.brief(s.max()), Numbers.brief(s.norm()), zeros(s.zeros())};
            String[] all = new String[header.length];
            System.arraycopy(row, 0, all, 0, row.length);
            System.arraycopy(cells.get(r), 0, all, row.length, extra.length);
            table.row(all);
        }
        return table;
    }

    /**
     * One tensor's values under the line "NAME, RxC:": a vector one value a line, a small matrix
     * whole, a large one a row of statistics per unit (a whole matrix would not fit the screen).
     */
    public static String values(String name, double[][] values) {
        int rows = values.length;
        int columns = values[0].length;
        StringBuilder out = new StringBuilder(String.format("%s, %dx%d:%n", name, rows, columns));
        if (columns == 1) {
            for (int i = 0; i < rows; i++) {
                out.append(String.format("  %2d  %11.4e%n", i, values[i][0]));
            }
        } else if (columns <= 10) {
            out.append(MatrixText.render(values, "unit "));
        } else {
            List<TensorStats> units = new ArrayList<>();
            for (int i = 0; i < rows; i++) {
                units.add(TensorStats.of(Integer.toString(i), new double[][] {values[i]}));
            }
            out.append(of("unit", units).render());
        }
        return out.toString();
    }

    /** "0%" exactly when none, else one decimal, so that a few zeros never read as none. */
    private static String zeros(double share) {
        return share == 0 ? "0%" : Numbers.percent(share);
    }
}
