package mnistshell.nn.layer;

import java.util.List;
import org.la4j.Matrix;

/**
 * One layer of a {@link Sequential} network, on la4j, in the manner of the reference
 * {@code Network}: samples are columns, so a batch at the input is (in().size(), m) and at the
 * output (out().size(), m), each column one sample's values channel-major (see {@link Shape}).
 *
 * <p>The gradient convention is {@code Network.backward}'s: {@code dOut} holds, column by column,
 * each sample's own loss gradient with respect to the layer's output (for softmax with
 * cross-entropy, {@code P - onehot(Y)}, not divided by m), {@code backward} returns the same for
 * its input, and the parameter gradients it fills are the <b>mean</b> over the batch's m samples.
 *
 * <p>A layer keeps what its last {@link #forward} needs for {@link #backward} (its input, the
 * patches, the pooling's choices, the dropout mask): one pass at a time, as the reference runs.
 */
public interface Layer {

    Shape in();

    Shape out();

    /** Its parameter tensors under its own names ({@code W}, {@code b}), live; empty for none. */
    List<Param> params();

    /** How many numbers its parameters hold (counted without making them). */
    default long parameterCount() {
        return params().stream().mapToLong(Param::size).sum();
    }

    /** Its token in a network spec: {@code 64}, {@code conv8k5}, {@code conv8k5same}, {@code pool2}, {@code drop0.25}. */
    String token();

    /** What it is, in a few words for a table: {@code dense}, {@code conv 5x5 valid}, ... */
    String kind();

    /** x: (in().size(), m) → (out().size(), m). */
    Matrix forward(Matrix x, Pass pass);

    /**
     * dOut: (out().size(), m), the last forward's m samples → dIn: (in().size(), m); fills the
     * parameters' gradients with their mean over the m samples.
     */
    Matrix backward(Matrix dOut);
}
