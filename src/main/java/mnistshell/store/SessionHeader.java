package mnistshell.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * What {@code session.json} inside a saved session holds, besides the arrays: enough to rebuild the
 * training exactly (settings, counters, the mini-batch order's seed and position, Adam's t), to show
 * what happened (history, the commands typed), and to know which data it was trained on.
 *
 * @param format   always {@link SessionFile#FORMAT}: identifies the file
 * @param version  1 for a dense stack, 2 for a layered network (its spec needs it); a version newer
 *                 than {@link SessionFile#VERSION} is refused, not guessed at
 * @param network  architecture, activation and initialisation
 * @param settings every training setting as typed ({@code set KEY VALUE})
 * @param changes  every {@code set} since {@code init}, with the update count it was made at
 * @param training counters and the state of the batch order and optimizer
 * @param history  one column per quantity, one entry per update
 * @param data     the dataset and split it was trained on
 * @param summary  for {@code models}: architecture and accuracies when saved
 * @param commands the command lines that led here, in order
 * @param arrays   the array entries of the archive, in order, without {@code .npy}
 * @param best     the best weights kept, or null
 * @param layers   layer statistics of the updates, or null (files saved before they were kept)
 */
public record SessionHeader(String format, int version, NetworkPart network, Map<String, String> settings,
                            List<ChangePart> changes, TrainingPart training, HistoryPart history, DataPart data,
                            SummaryPart summary, List<String> commands, List<String> arrays, BestPart best,
                            LayersPart layers) {

    /** A header without best weights or layer statistics. */
    public SessionHeader(String format, int version, NetworkPart network, Map<String, String> settings,
                         List<ChangePart> changes, TrainingPart training, HistoryPart history, DataPart data,
                         SummaryPart summary, List<String> commands, List<String> arrays) {
        this(format, version, network, settings, changes, training, history, data, summary, commands, arrays, null,
                null);
    }

    /**
     * The layer statistics of the updates listed in {@code update} (every {@code every}-th of a long
     * run: see {@code SessionFile.MAX_LAYER_ROWS}), a row each. Per tensor W1, b1, W2, ...:
     * {@code gradient} norms and {@code ratio}s (update/weight); per hidden layer: activations'
     * {@code mean}, {@code std} and {@code inactive} share. null where a value was not measured
     * (JSON has no NaN).
     */
    public record LayersPart(int[] update, Double[][] gradient, Double[][] ratio, Double[][] mean, Double[][] std,
                             Double[][] inactive) {
    }

    /**
     * Layer sizes n_0..n_L; hidden activation (Leaky ReLU's slope, else null); how the weights were
     * drawn and the seed. A layered network (version 2) also has its {@code spec}, as {@code init}
     * takes it ({@code conv8k5-pool2-64-10}), and its sizes are then only its ends: its inputs and
     * its classes. Dense stacks write no spec, so their files stay version 1's.
     */
    public record NetworkPart(int[] sizes, String activation, Double slope, String init, long seed,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String spec) {

        /** A dense stack's. */
        public NetworkPart(int[] sizes, String activation, Double slope, String init, long seed) {
            this(sizes, activation, slope, init, seed, null);
        }
    }

    /** {@code set KEY VALUE} made when {@code update} updates had been made. */
    public record ChangePart(int update, String key, String value) {
    }

    /**
     * @param updates          updates since init
     * @param epoch            completed passes over the training set
     * @param batchPosition    training images of the current epoch already used
     * @param batchSeed        seed of the mini-batch permutations (one per epoch, from seed and epoch)
     * @param optimizer        gd, momentum, nesterov or adam: which state arrays follow
     * @param optimizerUpdates updates made by this optimizer since it was chosen (Adam's t)
     */
    public record TrainingPart(int updates, int epoch, int batchPosition, long batchSeed, String optimizer,
                               long optimizerUpdates) {
    }

    /**
     * Columns of the training history; testAccuracy is null where it was not measured. The
     * validation columns (one entry per measurement) and the marks are null in files saved before
     * validation sets existed.
     */
    public record HistoryPart(int[] update, int[] epoch, double[] loss, double[] trainAccuracy, Double[] testAccuracy,
                              int[] valUpdate, double[] valLoss, double[] valAccuracy, int[] markUpdate,
                              String[] markText) {
    }

    /**
     * @param sha256 over rows, columns, labels and pixels (see {@link DataIdentity})
     */
    public record DataPart(String source, int images, int rows, int cols, boolean normalized, String sha256,
                           SplitPart split) {
    }

    /**
     * The seeded shuffle that held out the test images, and which they were; the validation images
     * and the training images in their order (null in files saved before validation sets existed).
     */
    public record SplitPart(long seed, int train, int test, int[] testIndices, Integer val, int[] valIndices,
                            int[] trainIndices) {
    }

    /**
     * The best weights by the held-out metric (arrays {@code best_W1...}, {@code best_opt_...}):
     * their update, metric, optimizer and its step count, the batch order's place after them, and
     * early stopping's checks since; null when there were none, or in files from before.
     */
    public record BestPart(int update, double metric, String optimizer, long optimizerUpdates, int epoch,
                           int batchPosition, int sinceBest) {
    }

    /** Accuracies measured when the session was saved. */
    public record SummaryPart(String architecture, int updates, double trainAccuracy, double testAccuracy) {
    }
}
