package mnistshell.nn.layer;

/**
 * What one sample is at a layer's input or output: {@code channels} maps of {@code height} by
 * {@code width} values. A sample is always stored as one flat column of {@link #size()} values,
 * channel-major (channel, then row, then column), so a dense vector of n values is simply n x 1 x 1
 * and a dense layer after a convolution needs no Flatten: its input column is already flat.
 */
public record Shape(int channels, int height, int width) {

    public Shape {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("bad shape " + channels + "x" + height + "x" + width);
        }
        if ((long) channels * height * width > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a map of " + channels + "x" + height + "x" + width + " is too large");
        }
    }

    /** A dense vector of n values: n x 1 x 1. */
    public static Shape flat(int n) {
        return new Shape(n, 1, 1);
    }

    /** An image of height x width pixels, one channel, as MNIST's 1x28x28. */
    public static Shape image(int height, int width) {
        return new Shape(1, height, width);
    }

    /** The values of one sample, c h w. */
    public int size() {
        return channels * height * width;
    }

    /** Whether it is a plain vector (n x 1 x 1). */
    public boolean isFlat() {
        return height == 1 && width == 1;
    }

    /** Where value (c, y, x) sits in the sample's column. */
    public int index(int c, int y, int x) {
        return (c * height + y) * width + x;
    }

    /** {@code 8x24x24}; a vector is just its length, {@code 64}. */
    @Override
    public String toString() {
        return isFlat() ? Integer.toString(channels) : channels + "x" + height + "x" + width;
    }
}
