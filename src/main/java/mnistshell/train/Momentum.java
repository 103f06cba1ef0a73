package mnistshell.train;

import java.util.List;

/** Heavy-ball momentum: {@code v = mu * v + g;  w -= lr * v}, one velocity per weight. */
public record Momentum() implements UpdateRule {

    @Override
    public String name() {
        return "momentum";
    }

    @Override
    public List<String> statePrefixes() {
        return List.of("opt_v_");
    }

    @Override
    public void update(double[][] w, double[][] g, double[][][] state, double decay, Step step) {
        update(w, g, state, decay, step, false);
    }

    /** v = mu * v + g, then w -= lr * v, or with {@code nesterov} w -= lr * (g + mu * v) ({@link Nesterov}). */
    static void update(double[][] w, double[][] g, double[][][] state, double decay, Step step, boolean nesterov) {
        double lr = step.lr();
        double mu = step.settings().momentum();
        for (int i = 0; i < w.length; i++) {
            double[] wi = w[i];
            double[] gi = g[i];
            double[] v = state[0][i];
            for (int j = 0; j < wi.length; j++) {
                double gj = gi[j] + decay * wi[j];
                v[j] = mu * v[j] + gj;
                wi[j] -= nesterov ? lr * (gj + mu * v[j]) : lr * v[j];
            }
        }
    }
}
