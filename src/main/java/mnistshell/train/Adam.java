package mnistshell.train;

import java.util.List;

/**
 * Adam: {@code m = b1 * m + (1 - b1) * g;  s = b2 * s + (1 - b2) * g^2;
 * w -= lr * (m / (1 - b1^t)) / (sqrt(s / (1 - b2^t)) + eps)}, t the updates made, from 1.
 */
public record Adam() implements UpdateRule {

    @Override
    public String name() {
        return "adam";
    }

    @Override
    public List<String> statePrefixes() {
        return List.of("opt_m_", "opt_s_");
    }

    @Override
    public void update(double[][] w, double[][] g, double[][][] state, double decay, Step step) {
        Settings s = step.settings();
        double lr = step.lr();
        double b1 = s.beta1();
        double b2 = s.beta2();
        double eps = s.eps();
        double c1 = 1 - Math.pow(b1, step.t());
        double c2 = 1 - Math.pow(b2, step.t());
        for (int i = 0; i < w.length; i++) {
            double[] wi = w[i];
            double[] gi = g[i];
            double[] m = state[0][i];
            double[] sq = state[1][i];
            for (int j = 0; j < wi.length; j++) {
                double gj = gi[j] + decay * wi[j];
                m[j] = b1 * m[j] + (1 - b1) * gj;
                sq[j] = b2 * sq[j] + (1 - b2) * gj * gj;
                wi[j] -= lr * (m[j] / c1) / (Math.sqrt(sq[j] / c2) + eps);
            }
        }
    }
}
