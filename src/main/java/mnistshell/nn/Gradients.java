package mnistshell.nn;

import org.la4j.Matrix;

/**
 * Gradients of the mean cross-entropy loss with respect to every parameter, shaped like them:
 * {@code dW[l]} is (n_{l+1}, n_l) and {@code db[l]} is (n_{l+1}, 1).
 *
 * @param loss mean cross-entropy over the batch the gradients were computed on
 */
public record Gradients(Matrix[] dW, Matrix[] db, double loss) {
}
