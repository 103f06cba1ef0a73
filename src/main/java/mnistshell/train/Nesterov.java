package mnistshell.train;

import java.util.List;

/**
 * Nesterov momentum, in the form that needs no look-ahead weights:
 * {@code v = mu * v + g;  w -= lr * (g + mu * v)}. Its velocity is saved as momentum's is.
 */
public record Nesterov() implements UpdateRule {

    @Override
    public String name() {
        return "nesterov";
    }

    @Override
    public List<String> statePrefixes() {
        return List.of("opt_v_");
    }

    @Override
    public void update(double[][] w, double[][] g, double[][][] state, double decay, Step step) {
        Momentum.update(w, g, state, decay, step, true);
    }
}
