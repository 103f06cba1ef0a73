package mnistshell.nn.layer;

/**
 * A convolution's border. VALID: none, the output is (H - k + 1) x (W - k + 1). SAME: k - 1 zero
 * rows and columns in all, so the output is H x W; for an even k the extra one goes after (bottom
 * and right), as in TensorFlow and torch's {@code padding='same'}.
 */
public enum Padding {
    VALID("valid"),
    SAME("same");

    private final String label;

    Padding(String label) {
        this.label = label;
    }

    /** Zero rows above (and columns to the left of) the input. */
    public int before(int kernel) {
        return this == SAME ? (kernel - 1) / 2 : 0;
    }

    /** Zero rows below (and columns to the right of) the input. */
    public int after(int kernel) {
        return this == SAME ? kernel - 1 - (kernel - 1) / 2 : 0;
    }

    /** The output's height (or width) for an input of {@code size} and a k x k kernel. */
    public int outSize(int size, int kernel) {
        return size + before(kernel) + after(kernel) - kernel + 1;
    }

    @Override
    public String toString() {
        return label;
    }
}
