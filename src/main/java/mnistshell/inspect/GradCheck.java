package mnistshell.inspect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import mnistshell.nn.Gradients;
import mnistshell.nn.Network;
import org.la4j.Matrix;

/**
 * The backward pass of a network checked against centred finite differences of its loss,
 * {@code (L(w + h) - L(w - h)) / 2h}, on a few samples: an oracle that shares no code with
 * {@link Network#backward}. Small tensors are checked whole; of a large one, the entries with the
 * largest analytic gradients and as many drawn at random.
 */
public final class GradCheck {

    /** Step of the finite differences: small against the weights, large against rounding of the loss. */
    static final double H = 1e-4;
    /** Below this, relative errors are measured against it: both gradients then are rounding noise. */
    static final double FLOOR = 1e-6;
    /** Worst relative error that still passes. */
    public static final double TOLERANCE = 1e-4;
    /** Entries checked in a large tensor: half the largest gradients, half at random. */
    static final int ENTRIES = 40;

    /** The gradients under test, computed from a forward pass. */
    public interface Backward {
        Gradients of(Network net, Network.Pass pass, int[] labels);
    }

    /** One tensor's result: the worst relative error over {@code checked} entries, and where it was. */
    public record Result(String tensor, int checked, double worst, int row, int col, double analytic,
                         double numeric) {
        public boolean passed() {
            return worst < TOLERANCE;
        }
    }

    private GradCheck() {
    }

    /**
     * Checks {@code backward} on a copy of {@code net} (the live network is never touched) for
     * the samples {@code x}, (n_0, m), with {@code labels}. One result per tensor, dW1, db1, ...
     */
    public static List<Result> run(Network net, Matrix x, int[] labels, Backward backward) {
        Network copy = net.copy();
        Gradients g = backward.of(copy, copy.forward(x), labels);
        List<Result> results = new ArrayList<>();
        for (int l = 0; l < copy.layers(); l++) {
            results.add(check("dW" + (l + 1), copy.weights(l), g.dW(l), copy, x, labels));
            results.add(check("db" + (l + 1), copy.biases(l), g.db(l), copy, x, labels));
        }
        return results;
    }

    private static Result check(String name, Matrix param, Matrix grad, Network net, Matrix x, int[] labels) {
        Result worst = new Result(name, 0, 0, 0, 0, 0, 0);
        int[] entries = entries(grad);
        for (int e : entries) {
            int i = e / param.columns();
            int j = e % param.columns();
            double keep = param.get(i, j);
            param.set(i, j, keep + H);
            double up = loss(net, x, labels);
            param.set(i, j, keep - H);
            double down = loss(net, x, labels);
            param.set(i, j, keep);
            double numeric = (up - down) / (2 * H);
            double analytic = grad.get(i, j);
            double err = Math.abs(numeric - analytic) / Math.max(FLOOR, Math.abs(numeric) + Math.abs(analytic));
            if (!(err <= worst.worst())) { // a NaN is the worst of all
                worst = new Result(name, 0, err, i, j, analytic, numeric);
            }
        }
        return new Result(name, entries.length, worst.worst(), worst.row(), worst.col(), worst.analytic(),
                worst.numeric());
    }

    /** Flat indices to check: every one of a small tensor; else the largest |gradient|s and a seeded random few. */
    static int[] entries(Matrix grad) {
        int size = grad.rows() * grad.columns();
        if (size <= ENTRIES) {
            return IntStream.range(0, size).toArray();
        }
        int cols = grad.columns();
        int[] largest = IntStream.range(0, size).boxed()
                .sorted(Comparator.comparingDouble((Integer e) -> -Math.abs(grad.get(e / cols, e % cols))))
                .limit(ENTRIES / 2).mapToInt(Integer::intValue).toArray();
        int[] random = new Random(size).ints(ENTRIES / 2, 0, size).toArray();
        return IntStream.concat(IntStream.of(largest), IntStream.of(random)).distinct().toArray();
    }

    private static double loss(Network net, Matrix x, int[] labels) {
        return Network.loss(net.forward(x).z()[net.layers()], labels);
    }
}
