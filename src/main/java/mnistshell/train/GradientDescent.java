package mnistshell.train;

import java.util.List;

/** The seed notebook's rule: {@code w -= lr * g}. No state. */
public record GradientDescent() implements UpdateRule {

    @Override
    public String name() {
        return "gd";
    }

    @Override
    public List<String> statePrefixes() {
        return List.of();
    }

    @Override
    public void update(double[][] w, double[][] g, double[][][] state, double decay, Step step) {
        double lr = step.lr();
        for (int i = 0; i < w.length; i++) {
            double[] wi = w[i];
            double[] gi = g[i];
            for (int j = 0; j < wi.length; j++) {
                wi[j] -= lr * (gi[j] + decay * wi[j]);
            }
        }
    }
}
