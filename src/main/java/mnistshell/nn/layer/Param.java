package mnistshell.nn.layer;

import mnistshell.nn.Tensor;

/**
 * One parameter tensor of a layer with its gradient, both (rows, columns) row by row and live:
 * what training, the optimizers, save/load and gradcheck walk, without knowing the kind of layer.
 * A layer names its own {@code W} and {@code b}; {@link Sequential#params()} numbers them
 * {@code W1, b1, W2, ...} by the layers that have parameters, as {@code Network} does.
 *
 * @param name     {@code W} or {@code b} in a layer, {@code W1}, {@code b1}, ... in a stack
 * @param values   the parameter, (rows, columns)
 * @param gradient the mean gradient over the last backward pass's batch, same shape
 * @param weight   true for weights, false for biases (weight decay applies to weights only)
 */
public record Param(String name, double[][] values, double[][] gradient, boolean weight) {

    /** A zero parameter of (rows, columns) with a zero gradient. */
    public static Param zeros(String name, int rows, int columns, boolean weight) {
        return new Param(name, new double[rows][columns], new double[rows][columns], weight);
    }

    /** The same storage under another name. */
    public Param named(String other) {
        return new Param(other, values, gradient, weight);
    }

    public int rows() {
        return values.length;
    }

    public int columns() {
        return values[0].length;
    }

    public long size() {
        return (long) rows() * columns();
    }

    /** {@code 8x25}. */
    public String shape() {
        return rows() + "x" + columns();
    }

    /** The values as the network's {@link Tensor} (a live view), for what already reads those. */
    public Tensor tensor() {
        return new Tensor(name, values, weight);
    }

    /** The gradient as a {@link Tensor} named {@code dW1}, {@code db1}, ... (a live view). */
    public Tensor gradientTensor() {
        return new Tensor("d" + name, gradient, weight);
    }
}
