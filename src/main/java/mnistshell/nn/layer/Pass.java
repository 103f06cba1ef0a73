package mnistshell.nn.layer;

import mnistshell.nn.BiasGrad;

/**
 * How one forward pass (and the backward pass after it) runs. Only dropout reads the training
 * fields: its mask is a pure function of ({@code seed}, {@code update}, the sample's index in the
 * dataset, the unit), so any chunking of a batch, on any number of threads, draws the same bits.
 *
 * @param training whether dropout is active
 * @param seed     the run's seed
 * @param update   the update this pass is for, counting from 1
 * @param samples  each column's index in the dataset, one per sample of the batch (null in evaluation)
 * @param biasGrad how backward forms bias gradients ({@link BiasGrad#EXACT} or the notebook's scalar)
 */
public record Pass(boolean training, long seed, long update, int[] samples, BiasGrad biasGrad) {

    /** Evaluation: dropout is the identity, no sample indices are needed. */
    public static Pass evaluation() {
        return new Pass(false, 0, 0, null, BiasGrad.EXACT);
    }

    /** Training update {@code update} on dataset images {@code samples} (one per column). */
    public static Pass training(long seed, long update, int[] samples) {
        return new Pass(true, seed, update, samples.clone(), BiasGrad.EXACT);
    }

    public Pass withBiasGrad(BiasGrad mode) {
        return new Pass(training, seed, update, samples, mode);
    }
}
