package mnistshell.nn.layer;

import java.util.List;
import mnistshell.nn.Activation;
import mnistshell.nn.BiasGrad;
import org.la4j.Matrix;

/**
 * A fully connected layer, as each layer of the reference {@code Network}: weights W (n_out, n_in)
 * and biases b (n_out, 1), {@code Z = W X + b}, then its activation. The output layer carries no
 * activation (null): its Z are the logits that {@link Sequential} turns into softmax probabilities.
 * Its input may be any shape: the column of a 16x4x4 map is read as 256 values.
 */
public final class Dense implements Layer {

    private final Shape in;
    private final int units;
    private final Activation activation;
    private final Weights weights;
    private Matrix x;
    private Matrix z;
    private BiasGrad biasGrad = BiasGrad.EXACT;

    /**
     * {@code units} outputs over {@code in}; {@code activation} null for the logits. Zero
     * parameters, made when first asked for.
     */
    public Dense(Shape in, int units, Activation activation) {
        if (units < 1) {
            throw new IllegalArgumentException("a dense layer needs at least 1 unit");
        }
        this.in = in;
        this.units = units;
        this.activation = activation;
        this.weights = new Weights(units, in.size());
    }

    @Override
    public Shape in() {
        return in;
    }

    @Override
    public Shape out() {
        return Shape.flat(units);
    }

    @Override
    public List<Param> params() {
        return weights.params();
    }

    @Override
    public long parameterCount() {
        return weights.count();
    }

    /** Its activation, or null for the logits. */
    public Activation activation() {
        return activation;
    }

    @Override
    public String token() {
        return Integer.toString(units);
    }

    @Override
    public String kind() {
        return activation == null ? "dense, logits" : "dense";
    }

    /** X: (n_in, m) → A = act(W X + b): (n_out, m). */
    @Override
    public Matrix forward(Matrix input, Pass pass) {
        x = input;
        biasGrad = pass.biasGrad();
        z = Columns.addToEveryColumn(weights.wView().multiply(input), weights.bView());
        return Columns.apply(activation, z);
    }

    /**
     * dA: (n_out, m) → dX = Wᵀ dZ: (n_in, m), where dZ = dA ⊙ act'(Z); dW = dZ Xᵀ / m (n_out, n_in)
     * and db (n_out, 1) as {@link Columns#biasGradientInto} forms it.
     */
    @Override
    public Matrix backward(Matrix dOut) {
        int m = dOut.columns();
        Matrix dZ = Columns.throughActivation(activation, dOut, z);
        Columns.meanInto(dZ.multiply(x.transpose()), m, weights.w().gradient());
        Columns.biasGradientInto(dZ, m, biasGrad, weights.b().gradient());
        return weights.wView().transpose().multiply(dZ);
    }
}
