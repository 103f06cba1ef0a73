package mnistshell.train;

import java.util.ArrayList;
import java.util.List;
import mnistshell.nn.Gradients;
import mnistshell.nn.Tensor;

/**
 * The update rule and its state (velocities, moments), one state array per parameter tensor.
 * With weight decay l2 the gradient of a weight w is taken as {@code g + l2 * w}; biases get none.
 * <pre>
 *   gd:        w -= lr * g
 *   momentum:  v = mu * v + g;        w -= lr * v
 *   nesterov:  v = mu * v + g;        w -= lr * (g + mu * v)
 *   adam:      m = b1 * m + (1 - b1) * g;   s = b2 * s + (1 - b2) * g^2
 *              w -= lr * (m / (1 - b1^t)) / (sqrt(s / (1 - b2^t)) + eps),   t = updates made, from 1
 * </pre>
 */
public final class Optimizer {

    private final String kind;
    /** momentum/nesterov: v per tensor; adam: m per tensor then s per tensor; gd: none. */
    private final List<double[][]> state = new ArrayList<>();
    private long t;

    /** A fresh optimizer of {@code kind} for {@code params}, its state all zero. */
    public Optimizer(String kind, List<Tensor> params) {
        this.kind = kind;
        int copies = stateArrays(kind);
        for (int c = 0; c < copies; c++) {
            for (Tensor p : params) {
                state.add(p.zerosLike());
            }
        }
    }

    /** How many arrays the size of the parameters {@code kind} keeps: gd none, momentum one, adam two. */
    public static int stateArrays(String kind) {
        return switch (kind) {
            case "gd" -> 0;
            case "momentum", "nesterov" -> 1;
            case "adam" -> 2;
            default -> throw new IllegalArgumentException("optimizer " + kind);
        };
    }

    public String kind() {
        return kind;
    }

    /** The state arrays, live (for saving, and for rolling back a failed update). */
    public List<double[][]> state() {
        return state;
    }

    /** Updates made so far (Adam's t). */
    public long updates() {
        return t;
    }

    public void setUpdates(long updates) {
        this.t = updates;
    }

    /** Takes the state of a saved session: {@code values} shaped as {@link #state()}, and t. */
    public void restore(List<double[][]> values, long updates) {
        if (values.size() != state.size()) {
            throw new IllegalArgumentException(kind + " keeps " + state.size() + " state arrays, not " + values.size());
        }
        for (int k = 0; k < values.size(); k++) {
            Tensor.copy(values.get(k), state.get(k));
        }
        this.t = updates;
    }

    /** One update of every tensor in {@code params} (W1, b1, W2, b2, ...) with gradients {@code g}. */
    public void update(List<Tensor> params, Gradients g, double lr, Settings s) {
        t++;
        for (int k = 0; k < params.size(); k++) {
            Tensor p = params.get(k);
            double[][] grad = k % 2 == 0 ? g.dW()[k / 2] : g.db()[k / 2];
            double decay = p.weight() ? s.l2() : 0;
            update(k, p.values(), grad, decay, lr, s, params.size());
        }
    }

    private void update(int k, double[][] w, double[][] grad, double decay, double lr, Settings s, int tensors) {
        double mu = s.momentum();
        double b1 = s.beta1();
        double b2 = s.beta2();
        double eps = s.eps();
        double c1 = 1 - Math.pow(b1, t);
        double c2 = 1 - Math.pow(b2, t);
        for (int i = 0; i < w.length; i++) {
            double[] wi = w[i];
            double[] gi = grad[i];
            switch (kind) {
                case "gd" -> {
                    for (int j = 0; j < wi.length; j++) {
                        wi[j] -= lr * (gi[j] + decay * wi[j]);
                    }
                }
                case "momentum", "nesterov" -> {
                    double[] v = state.get(k)[i];
                    boolean nesterov = kind.equals("nesterov");
                    for (int j = 0; j < wi.length; j++) {
                        double gj = gi[j] + decay * wi[j];
                        v[j] = mu * v[j] + gj;
                        wi[j] -= lr * (nesterov ? gj + mu * v[j] : v[j]);
                    }
                }
                case "adam" -> {
                    double[] m = state.get(k)[i];
                    double[] sq = state.get(tensors + k)[i];
                    for (int j = 0; j < wi.length; j++) {
                        double gj = gi[j] + decay * wi[j];
                        m[j] = b1 * m[j] + (1 - b1) * gj;
                        sq[j] = b2 * sq[j] + (1 - b2) * gj * gj;
                        wi[j] -= lr * (m[j] / c1) / (Math.sqrt(sq[j] / c2) + eps);
                    }
                }
                default -> throw new IllegalStateException(kind);
            }
        }
    }
}
