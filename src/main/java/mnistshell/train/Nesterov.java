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
        double lr = step.lr();
        double mu = step.settings().momentum();
        for (int i = 0; i < w.length; i++) {
            double[] wi = w[i];
            double[] gi = g[i];
            double[] v = state[0][i];
            for (int j = 0; j < wi.length; j++) {
                double gj = gi[j] + decay * wi[j];
                v[j] = mu * v[j] + gj;
                wi[j] -= lr * (gj + mu * v[j]);
            }
        }
    }
}
