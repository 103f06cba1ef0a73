package mnistshell.inspect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import mnistshell.data.Dataset;
import mnistshell.nn.Network;
import org.la4j.Matrix;

/**
 * An image the network gets wrong.
 *
 * @param image      its index in the dataset
 * @param label      its true class
 * @param predicted  the most probable class
 * @param confidence the probability given to {@code predicted}
 */
public record Mistake(int image, int label, int predicted, double confidence) {

    /** Every image of {@code indices} that {@code net} gets wrong, most confident first (ties: lower index first). */
    public static List<Mistake> find(Network net, Dataset data, int[] indices) {
        List<Mistake> wrong = new ArrayList<>();
        Passes.over(net, data, indices, (pass, batch, from) -> {
            Matrix p = pass.probabilities();
            for (int j = 0; j < batch.labels().length; j++) {
                int best = 0;
                for (int i = 1; i < p.rows(); i++) {
                    best = p.get(i, j) > p.get(best, j) ? i : best;
                }
                if (best != batch.labels()[j]) {
                    wrong.add(new Mistake(indices[from + j], batch.labels()[j], best, p.get(best, j)));
                }
            }
        });
        wrong.sort(Comparator.comparingDouble(Mistake::confidence).reversed().thenComparingInt(Mistake::image));
        return wrong;
    }
}
