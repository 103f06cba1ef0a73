package mnistshell.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import mnistshell.nn.Gradients;
import mnistshell.nn.Tensor;
import org.junit.jupiter.api.Test;

/**
 * One parameter pair, W = (0.5, -1.0) and b = (0.25), with fixed gradients gW = (0.2, -0.4) and
 * gb = (0.1); each rule's result is written out by hand below.
 */
class OptimizerTest {

    static final double TOL = 1e-15;

    double[][] w = {{0.5, -1.0}};
    double[][] b = {{0.25}};
    final List<Tensor> params = List.of(new Tensor("W1", w, true), new Tensor("b1", b, false));
    final Gradients g = new Gradients(new double[][][] {{{0.2, -0.4}}}, new double[][][] {{{0.1}}}, 1.0, 0);

    static Settings settings(String... pairs) {
        Settings s = Settings.defaults();
        for (int i = 0; i < pairs.length; i += 2) {
            s = s.with(pairs[i], List.of(pairs[i + 1]));
        }
        return s;
    }

    @Test
    void gradientDescent() {
        Optimizer o = new Optimizer(Optimizers.named("gd"), params);
        o.update(params, g, 0.1, settings());
        assertEquals(0.5 - 0.1 * 0.2, w[0][0], TOL);
        assertEquals(-1.0 + 0.1 * 0.4, w[0][1], TOL);
        assertEquals(0.25 - 0.1 * 0.1, b[0][0], TOL);
    }

    @Test
    void weightDecayAddsL2TimesTheWeightToWeightsOnly() {
        Optimizer o = new Optimizer(Optimizers.named("gd"), params);
        o.update(params, g, 0.1, settings("l2", "0.5"));
        assertEquals(0.5 - 0.1 * (0.2 + 0.5 * 0.5), w[0][0], TOL);
        assertEquals(-1.0 - 0.1 * (-0.4 + 0.5 * -1.0), w[0][1], TOL);
        assertEquals(0.25 - 0.1 * 0.1, b[0][0], TOL, "no decay on biases");
    }

    @Test
    void momentumTwoUpdates() {
        Optimizer o = new Optimizer(Optimizers.named("momentum"), params);
        Settings s = settings("momentum", "0.9");
        o.update(params, g, 0.1, s); // v = 0.2, w = 0.5 - 0.02 = 0.48
        o.update(params, g, 0.1, s); // v = 0.9 * 0.2 + 0.2 = 0.38, w = 0.48 - 0.038 = 0.442
        assertEquals(0.5 - 0.1 * 0.2 - 0.1 * (0.9 * 0.2 + 0.2), w[0][0], TOL);
        assertEquals(0.9 * 0.2 + 0.2, o.state().get(0)[0][0], TOL, "velocity of W1");
        assertEquals(0.9 * 0.1 + 0.1, o.state().get(1)[0][0], TOL, "velocity of b1");
    }

    @Test
    void nesterovTwoUpdates() {
        Optimizer o = new Optimizer(Optimizers.named("nesterov"), params);
        Settings s = settings("momentum", "0.9");
        o.update(params, g, 0.1, s); // v = 0.2; w -= 0.1 * (0.2 + 0.9 * 0.2)
        double after1 = 0.5 - 0.1 * (0.2 + 0.9 * 0.2);
        o.update(params, g, 0.1, s); // v = 0.38; w -= 0.1 * (0.2 + 0.9 * 0.38)
        assertEquals(after1 - 0.1 * (0.2 + 0.9 * 0.38), w[0][0], TOL);
    }

    @Test
    void adamTwoUpdatesWithBiasCorrection() {
        Optimizer o = new Optimizer(Optimizers.named("adam"), params);
        Settings s = settings("beta1", "0.9", "beta2", "0.999", "eps", "1e-8");
        o.update(params, g, 0.001, s);
        // t = 1: m = 0.1 * 0.2 = 0.02, s = 0.001 * 0.04 = 4e-5; m-hat = 0.2, s-hat = 0.04: step 0.001 * 0.2 / (0.2 + 1e-8)
        double w1 = 0.5 - 0.001 * 0.2 / (Math.sqrt(0.04) + 1e-8);
        assertEquals(w1, w[0][0], TOL);
        o.update(params, g, 0.001, s);
        // t = 2: m = 0.9 * 0.02 + 0.02 = 0.038, s = 0.999 * 4e-5 + 4e-5 = 7.996e-5
        double mHat = 0.038 / (1 - 0.81);
        double sHat = 7.996e-5 / (1 - 0.998001);
        assertEquals(w1 - 0.001 * mHat / (Math.sqrt(sHat) + 1e-8), w[0][0], 1e-12);
        assertEquals(2, o.updates());
    }
}
