package mnistshell.nn;

import mnistshell.data.Dataset;
import mnistshell.nn.layer.Pass;

/**
 * What training needs computed: the gradients of a batch, and how the network does on a set of
 * images. {@link ReferenceEngine} does it plainly on la4j; {@link FastKernel} equals it, faster.
 * A layered network ({@link Network#isLayered()}) goes to the engine's {@link LayerEngine}:
 * {@link LayerReference} for the reference, {@link LayerKernel} for the fast kernel.
 */
public interface Engine extends AutoCloseable {

    /**
     * Mean gradients, loss and right answers over images {@code indices} of {@code data}, with
     * dropout off (the identity): for checks and timings; training passes its update.
     */
    Gradients gradients(Network net, Dataset data, int[] indices, BiasGrad biasGrad);

    /**
     * As above for one training pass: {@code pass} gives the bias mode and, for a layered network's
     * dropout, whether it is active and the seed and update its masks are drawn from (a pure
     * function of those and the image, so any thread count draws the same bits). Its samples must
     * be null or equal to {@code indices}. A dense stack has no dropout: only the bias mode counts.
     */
    Gradients gradients(Network net, Dataset data, int[] indices, Pass pass);

    /** Loss, accuracy and predictions of {@code net} on images {@code indices} of {@code data}. */
    Evaluation evaluate(Network net, Dataset data, int[] indices);

    /** As {@code evaluate(net, data, indices).accuracy()}; an engine may do it without making predictions. */
    default double accuracy(Network net, Dataset data, int[] indices) {
        return evaluate(net, data, indices).accuracy();
    }

    /**
     * The hidden activations of the last {@link #gradients} call, from what its forward pass left
     * (no pass of its own); valid until the engine's next call. Null when there were none to keep,
     * and always for a layered network, whose layers keep no such statistics yet.
     */
    default HiddenStats lastHiddenStats(Network net) {
        return null;
    }

    /**
     * For a look inside a stack of layers ({@link Network#asStack}): its evaluation's forward pass
     * over {@code indices} with each chunk's layers handed to {@code inside}
     * ({@link LayerKernel#inside}); false, with nothing done, where this engine has no such pass
     * (the caller then runs the reference's).
     */
    default boolean inside(mnistshell.nn.layer.Sequential net, Dataset data, int[] indices,
                           LayerKernel.Inside inside) {
        return false;
    }

    /**
     * Runs {@code task} over [0, count) cut into contiguous shares, each share on one of the
     * engine's threads, and returns when all are done: for work whose every item stands alone
     * (an optimizer's step, a copy), so that the cut changes no bit. Here, in one share.
     */
    default void inShares(int count, Shares task) {
        task.run(0, count);
    }

    /** A share [from, to) of {@link #inShares}'s items. */
    @FunctionalInterface
    interface Shares {
        void run(int from, int to);
    }

    /** {@code fast} or {@code reference}, as {@code set engine} takes it. */
    String name();

    @Override
    default void close() {
    }
}
