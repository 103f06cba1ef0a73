package mnistshell.nn.layer;

import java.util.ArrayList;
import java.util.List;

/**
 * The layers of a network as a short table, one line a layer with its input and output shapes and
 * its parameter count, then the total: for {@code help init} and {@code weights}.
 * <pre>
 *  #  layer    what            in       out      parameters
 *  1  conv8k5  conv 5x5 valid  1x28x28  8x24x24         208
 * </pre>
 */
public final class LayerTable {

    /** No line is wider; the {@code what} column goes first when one would be. */
    public static final int COLUMNS = 80;

    private LayerTable() {
    }

    public static String of(Sequential net) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"#", "layer", "what", "in", "out", "parameters"});
        int number = 0;
        for (Layer layer : net.layers()) {
            number++;
            rows.add(new String[] {Integer.toString(number), layer.token(), layer.kind(), layer.in().toString(),
                    layer.out().toString(), Long.toString(layer.parameterCount())});
        }
        rows.add(new String[] {"", "total", "", "", "", Long.toString(net.parameterCount())});
        String table = format(rows, true);
        return table.lines().allMatch(l -> l.length() <= COLUMNS) ? table : format(rows, false);
    }

    private static String format(List<String[]> rows, boolean withWhat) {
        int[] width = new int[6];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            line.append(" ".repeat(width[0] - row[0].length())).append(row[0]);
            for (int c = 1; c < 5; c++) {
                if (c == 2 && !withWhat) {
                    continue;
                }
                line.append("  ").append(row[c]).append(" ".repeat(width[c] - row[c].length()));
            }
            line.append("  ").append(" ".repeat(width[5] - row[5].length())).append(row[5]);
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
