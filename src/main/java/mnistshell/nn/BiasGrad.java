package mnistshell.nn;

/** How the bias gradient of a layer is formed from its dZ, (n, m). */
public enum BiasGrad {
    /** The textbook gradient: each unit's dZ summed over the samples, over m. One value per unit. */
    EXACT("exact"),
    /**
     * The seed notebook's {@code np.sum(dZ) / m}: every element summed, one scalar for all the
     * layer's biases. For the output layer it is 0 up to rounding, because each column of
     * softmax - one-hot sums to 1 - 1 = 0: the notebook's "vanishing db2".
     */
    SEED("seed");

    private final String label;

    BiasGrad(String label) {
        this.label = label;
    }

    public static BiasGrad named(String name) {
        for (BiasGrad b : values()) {
            if (b.label.equals(name)) {
                return b;
            }
        }
        throw new mnistshell.errors.ShellError("bias-grad must be exact or seed, found '" + name + "'");
    }

    @Override
    public String toString() {
        return label;
    }
}
