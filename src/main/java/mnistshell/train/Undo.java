package mnistshell.train;

import java.util.ArrayList;
import java.util.List;
import mnistshell.nn.Gradients;
import mnistshell.nn.Tensor;

/**
 * The state before one update, enough to undo it: every parameter and optimizer array, the
 * optimizer's step count, the batch order's place, the update count and the last gradients.
 * Two are kept, so that an update whose loss shows the update before it went wrong can undo both.
 */
final class Undo {
    final List<double[][]> arrays = new ArrayList<>();
    long optimizerUpdates;
    BatchOrder.Mark mark;
    int updates = -1;
    Gradients last;
    /** Early stopping's count of checks since the best, before the update. */
    int sinceBest;

    /** Rows of an array copied as one piece of {@link #copy}'s: enough that taking a piece costs little beside it. */
    private static final int PIECE = 1 << 14;
    private List<double[][]> live = List.of();
    /** Piece p copies rows [pieceFrom[p], pieceTo[p]) of array pieceArray[p]. */
    private int[] pieceArray = new int[0];
    private int[] pieceFrom = new int[0];
    private int[] pieceTo = new int[0];
    private int pieces;

    /**
     * The counters before an update, and the arrays made (first update, or another optimizer
     * since); the arrays are copied by {@link #copy}, {@link #pieces} of them, in any order and on
     * any thread, each piece once, before the update changes them.
     */
    void begin(Training t, BatchOrder.Mark orderMark) {
        live = t.liveArrays();
        if (arrays.size() != live.size()) {
            arrays.clear();
            for (double[][] a : live) {
                arrays.add(new double[a.length][a[0].length]);
            }
        }
        pieces = 0;
        for (int k = 0; k < live.size(); k++) {
            double[][] a = live.get(k);
            int rows = Math.max(1, PIECE / a[0].length);
            for (int from = 0; from < a.length; from += rows) {
                if (pieces == pieceArray.length) {
                    pieceArray = java.util.Arrays.copyOf(pieceArray, 2 * pieces + 8);
                    pieceFrom = java.util.Arrays.copyOf(pieceFrom, 2 * pieces + 8);
                    pieceTo = java.util.Arrays.copyOf(pieceTo, 2 * pieces + 8);
                }
                pieceArray[pieces] = k;
                pieceFrom[pieces] = from;
                pieceTo[pieces] = Math.min(a.length, from + rows);
                pieces++;
            }
        }
        optimizerUpdates = t.optimizer().updates();
        mark = orderMark;
        updates = t.updates();
        last = t.lastGradients();
    }

    /** How many pieces {@link #begin}'s arrays are copied in. */
    int pieces() {
        return pieces;
    }

    /** Copies piece {@code p} of the arrays {@link #begin} took. */
    void copy(int p) {
        double[][] from = live.get(pieceArray[p]);
        double[][] to = arrays.get(pieceArray[p]);
        for (int i = pieceFrom[p]; i < pieceTo[p]; i++) {
            System.arraycopy(from[i], 0, to[i], 0, from[i].length);
        }
    }

    /** Whether this holds the state before an update made since {@code runStart} updates. */
    boolean holdsUpdateOf(int runStart) {
        return updates >= runStart;
    }

    void forget() {
        updates = -1;
    }
}
