package mnistshell.nn;

import mnistshell.data.Dataset;
import mnistshell.nn.layer.Pass;
import mnistshell.nn.layer.Sequential;

/**
 * What training will need of a {@link Sequential}, over images of a dataset: the mean gradients of
 * a batch, and how the network does on a set of images. {@link LayerReference} runs the la4j
 * layers themselves; {@link LayerKernel} equals it, faster. {@code LayerEngineContract} holds every
 * engine to the reference.
 */
public interface LayerEngine extends AutoCloseable {

    /**
     * Mean gradients over images {@code indices} of {@code data}, one (dW, db) pair per layer with
     * parameters in the order of {@link Sequential#params()}, with the mean loss and the right
     * answers before any update. {@code pass} says whether dropout is active, its seed and update,
     * and the bias mode; sample j's index in the dataset is {@code indices[j]}, so
     * {@link Pass#samples()} must be null or equal to {@code indices}.
     */
    Gradients gradients(Sequential net, Dataset data, int[] indices, Pass pass);

    /** Loss, right answers and predictions on images {@code indices}, dropout off. */
    Evaluation evaluate(Sequential net, Dataset data, int[] indices);

    /** As {@code evaluate(net, data, indices).accuracy()}; an engine may do it without making predictions. */
    default double accuracy(Sequential net, Dataset data, int[] indices) {
        return evaluate(net, data, indices).accuracy();
    }

    /** {@code fast} or {@code reference}. */
    String name();

    @Override
    default void close() {
    }
}
