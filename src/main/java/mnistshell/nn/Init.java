package mnistshell.nn;

import java.util.Random;
import mnistshell.errors.ShellError;

/** How fresh weights are drawn, layer by layer, row by row, from one seeded generator. */
public enum Init {
    /** He: W ~ N(0, 2 / n_in), biases 0. The seed's choice, for ReLU-like units. */
    HE("he"),
    /** Xavier (Glorot) normal: W ~ N(0, 2 / (n_in + n_out)), biases 0. For sigmoid and tanh. */
    XAVIER("xavier"),
    /** The original notebook's {@code np.random.rand(...) - 0.5} for weights and biases alike. */
    UNIFORM("uniform");

    private final String label;

    Init(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Init named(String name) {
        for (Init i : values()) {
            if (i.label.equals(name)) {
                return i;
            }
        }
        throw new ShellError("unknown init '" + name + "': expected he, xavier or uniform");
    }

    /** Fills W (n_out, n_in) and b (n_out, 1) of one layer from {@code random}, W first. */
    void fill(double[][] w, double[][] b, Random random) {
        fill(w, b, random, w[0].length, w.length);
    }

    /**
     * Fills W (rows, cols) and b (rows, 1) from {@code random}, W first, row by row, scaled for
     * {@code nIn} inputs and {@code nOut} outputs per unit: a convolution's filter matrix
     * (C, C_in k k) has fan-in C_in k k and fan-out C k k, not its shape's.
     */
    public void fill(double[][] w, double[][] b, Random random, int nIn, int nOut) {
        double scale = this == HE ? Math.sqrt(2.0 / nIn) : Math.sqrt(2.0 / (nIn + nOut));
        for (double[] row : w) {
            for (int j = 0; j < row.length; j++) {
                row[j] = this == UNIFORM ? random.nextDouble() - 0.5 : random.nextGaussian() * scale;
            }
        }
        for (double[] row : b) {
            row[0] = this == UNIFORM ? random.nextDouble() - 0.5 : 0;
        }
    }

    @Override
    public String toString() {
        return label;
    }
}
