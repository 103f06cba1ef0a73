package mnistshell.inspect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import mnistshell.nn.Gradients;
import java.util.function.DoubleSupplier;
import mnistshell.nn.Network;
import mnistshell.nn.Tensor;
import org.la4j.Matrix;

/**
 * The backward pass of a network checked against centred finite differences of its loss,
 * {@code (L(w + h) - L(w - h)) / 2h}, on a few samples: an oracle that shares no code with
 * {@link Network#backward} or an engine's layers (it only runs the forward pass). Small tensors are checked whole; of a large one, the entries with the
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

    /** The gradients under test, of a copy of the network: one for each of its tensors, in order. */
    public interface Backward {
        Gradients of(Network net);
    }

    /** The loss the gradients are of, on the same samples, for a copy of the network as it stands. */
    public interface Loss {
        double of(Network net);
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
     * Checks {@code backward} on a copy of {@code net} (the live network is never touched) for a
     * dense stack's forward pass over the samples {@code x}, (n_0, m), with {@code labels}.
     */
    public static List<Result> run(Network net, Matrix x, int[] labels, Backward backward) {
        return run(net, backward, copy -> Network.loss(copy.forward(x).z()[copy.layers()], labels));
    }

    /**
     * Checks {@code backward} against centred differences of {@code loss}, on a copy of {@code net}
     * (the live network is never touched), tensor by tensor: one result per tensor, dW1, db1, ...,
     * whatever the layers they belong to.
     */
    public static List<Result> run(Network net, Backward backward, Loss loss) {
        Network copy = net.copy();
        Gradients g = backward.of(copy);
        List<Result> results = new ArrayList<>();
        List<Tensor> tensors = copy.tensors();
        for (int k = 0; k < tensors.size(); k++) {
            Tensor t = tensors.get(k);
            results.add(check("d" + t.name(), t.values(), g.tensor(k), () -> loss.of(copy)));
        }
        return results;
    }

    private static Result check(String name, double[][] param, double[][] grad, DoubleSupplier loss) {
        Result worst = new Result(name, 0, 0, 0, 0, 0, 0);
        int[] entries = entries(grad);
        int columns = param[0].length;
        for (int e : entries) {
            int i = e / columns;
            int j = e % columns;
            double keep = param[i][j];
            param[i][j] = keep + H;
            double up = loss.getAsDouble();
            param[i][j] = keep - H;
            double down = loss.getAsDouble();
            param[i][j] = keep;
            double numeric = (up - down) / (2 * H);
            double analytic = grad[i][j];
            double err = Math.abs(numeric - analytic) / Math.max(FLOOR, Math.abs(numeric) + Math.abs(analytic));
            if (!(err <= worst.worst())) { // a NaN is the worst of all
                worst = new Result(name, 0, err, i, j, analytic, numeric);
            }
        }
        return new Result(name, entries.length, worst.worst(), worst.row(), worst.col(), worst.analytic(),
                worst.numeric());
    }

    /** Flat indices to check: every one of a small tensor; else the largest |gradient|s and a seeded random few. */
    static int[] entries(double[][] grad) {
        int cols = grad[0].length;
        int size = grad.length * cols;
        if (size <= ENTRIES) {
            return IntStream.range(0, size).toArray();
        }
        int[] largest = IntStream.range(0, size).boxed()
                .sorted(Comparator.comparingDouble((Integer e) -> -Math.abs(grad[e / cols][e % cols])))
                .limit(ENTRIES / 2).mapToInt(Integer::intValue).toArray();
        int[] random = new Random(size).ints(ENTRIES / 2, 0, size).toArray();
        return IntStream.concat(IntStream.of(largest), IntStream.of(random)).distinct().toArray();
    }
}
