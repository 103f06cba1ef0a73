package mnistshell.commands;

import java.util.List;
import mnistshell.inspect.TensorStats;
import mnistshell.render.Numbers;
import mnistshell.render.Table;

/** The table {@code weights} and {@code grads} print: a row of statistics per tensor, and optional extra columns. */
final class TensorTable {

    static final String[] HEADER = {"tensor", "shape", "mean", "std", "min", "max", "L2", "zeros"};

    private TensorTable() {
    }

    /** The statistics' columns alone, the first headed {@code first} ("tensor", "unit"). */
    /** The network's tensor names as of now, {@code W1}, {@code b1}, ..., each after {@code prefix} ({@code d} for gradients). */
    static List<String> names(mnistshell.nn.Network network, String prefix) {
        return network.tensors().stream().map(t -> prefix + t.name()).toList();
    }

    static Table of(String first, List<TensorStats> stats) {
        List<String[]> none = stats.stream().map(s -> new String[0]).toList();
        return of(first, stats, new String[0], none);
    }

    /** The statistics' columns, then {@code extra} columns whose cells {@code cells} gives per row. */
    static Table of(String first, List<TensorStats> stats, String[] extra, List<String[]> cells) {
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

    /** "0%" exactly when none, else one decimal, so that a few zeros never read as none. */
    private static String zeros(double share) {
        return share == 0 ? "0%" : Numbers.percent(share);
    }
}
