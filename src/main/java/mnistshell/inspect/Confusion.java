package mnistshell.inspect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How often each digit was taken for each other: {@code counts[label][predicted]}.
 *
 * @param counts k x k counts, rows the true labels, columns the predictions
 */
public record Confusion(int[][] counts) {

    /** One off-diagonal cell: {@code count} images of {@code label} predicted as {@code predicted}. */
    public record Pair(int label, int predicted, int count) {
    }

    /** The matrix of {@code labels} against {@code predictions}, both of one length, classes 0..k-1. */
    public static Confusion of(int[] labels, int[] predictions, int k) {
        int[][] counts = new int[k][k];
        for (int i = 0; i < labels.length; i++) {
            counts[labels[i]][predictions[i]]++;
        }
        return new Confusion(counts);
    }

    public int classes() {
        return counts.length;
    }

    /** Share of images of class {@code c} predicted as c; NaN when there are none. */
    public double recall(int c) {
        int total = 0;
        for (int p = 0; p < classes(); p++) {
            total += counts[c][p];
        }
        return total == 0 ? Double.NaN : (double) counts[c][c] / total;
    }

    /** Share of images predicted as {@code c} that are c; NaN when none were. */
    public double precision(int c) {
        int total = 0;
        for (int[] row : counts) {
            total += row[c];
        }
        return total == 0 ? Double.NaN : (double) counts[c][c] / total;
    }

    /** The {@code n} largest off-diagonal cells, largest first (ties: by label, then prediction); empty cells never. */
    public List<Pair> mostConfused(int n) {
        List<Pair> pairs = new ArrayList<>();
        for (int l = 0; l < classes(); l++) {
            for (int p = 0; p < classes(); p++) {
                if (l != p && counts[l][p] > 0) {
                    pairs.add(new Pair(l, p, counts[l][p]));
                }
            }
        }
        pairs.sort(Comparator.comparingInt(Pair::count).reversed()
                .thenComparingInt(Pair::label).thenComparingInt(Pair::predicted));
        return pairs.subList(0, Math.min(n, pairs.size()));
    }
}
