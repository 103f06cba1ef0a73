package mnistshell.nn;

/**
 * How a batch's hidden activations looked, layer by layer: their mean and standard deviation over
 * every unit and sample, and the share of them that were inactive, off (output 0 or below, ReLU
 * types) or saturated (slope under {@value #SATURATED_SLOPE} of its largest, sigmoid and tanh).
 * Engines gather it from the activations their forward pass made anyway.
 *
 * @param mean     per hidden layer
 * @param std      per hidden layer
 * @param inactive per hidden layer, 0..1
 */
public record HiddenStats(double[] mean, double[] std, double[] inactive) {

    /** As {@code activations}' saturation: the slope under this share of the activation's largest. */
    public static final double SATURATED_SLOPE = 0.05;

    /** Whether {@code act} saturates (bounded, S-shaped) rather than switching off. */
    public static boolean saturates(Activation act) {
        return act instanceof Activation.Sigmoid || act instanceof Activation.Tanh;
    }

    /** Whether a unit of {@code act} with output {@code a} counts as inactive. */
    static boolean inactive(Activation act, double a) {
        if (act instanceof Activation.Sigmoid) {
            return a * (1 - a) < SATURATED_SLOPE * 0.25;
        }
        if (act instanceof Activation.Tanh) {
            return 1 - a * a < SATURATED_SLOPE;
        }
        return a <= 0;
    }

    /** Sums over some activations, added to as they are visited: for each layer {sum, squares, inactive, count}. */
    static final class Sums {
        final double[][] s;

        Sums(int hiddenLayers) {
            s = new double[hiddenLayers][4];
        }

        /** Back to no activations seen: as new. */
        void clear() {
            for (double[] t : s) {
                java.util.Arrays.fill(t, 0.0);
            }
        }

        void add(int layer, Activation act, double a) {
            double[] t = s[layer];
            t[0] += a;
            t[1] += a * a;
            t[2] += inactive(act, a) ? 1 : 0;
            t[3]++;
        }

        /**
         * As {@link #add} for each value of {@code v[from, to)} that is not 0, in order, the sums
         * held in registers (the same bits); returns how many were 0, for {@link #addZeros}.
         * Branch-free for the ReLU kinds, whose zeros come at random: adding a 0 to the sums
         * changes no bit of them, as they start at +0 and a sum of +0 and -0 is +0.
         */
        long addNonZero(int layer, Activation act, double[] v, int from, int to) {
            double[] t = s[layer];
            double sum = t[0];
            double squares = t[1];
            double off = t[2];
            long counted = 0;
            if (saturates(act)) {
                for (int k = from; k < to; k++) {
                    double a = v[k];
                    if (a != 0) {
                        sum += a;
                        squares += a * a;
                        off += inactive(act, a) ? 1 : 0;
                        counted++;
                    }
                }
            } else { // inactive: a <= 0; not 0, so a < 0
                double sum0 = sum;
                double squares0 = squares;
                long negative = 0;
                for (int k = from; k < to; k++) { // the counts from the bits, as a branch on the sign would guess wrong half the time
                    double a = v[k];
                    long bits = Double.doubleToRawLongBits(a);
                    long nonZero = ((bits & Long.MAX_VALUE) + Long.MAX_VALUE) >>> 63;
                    sum += a;
                    squares += a * a;
                    negative += (bits >>> 63) & nonZero;
                    counted += nonZero;
                }
                if (Double.isNaN(sum) || Double.isNaN(squares)) { // a NaN among them, whose sign bit is no sign: counted as add does
                    sum = sum0;
                    squares = squares0;
                    negative = 0;
                    counted = 0;
                    for (int k = from; k < to; k++) {
                        double a = v[k];
                        if (a != 0) {
                            sum += a;
                            squares += a * a;
                            negative += a < 0 ? 1 : 0;
                            counted++;
                        }
                    }
                }
                off += negative;
            }
            t[0] = sum;
            t[1] = squares;
            t[2] = off;
            t[3] += counted;
            return to - from - counted;
        }

        /** {@code n} activations of exactly 0 at once (the kernel lists only the others). */
        void addZeros(int layer, Activation act, long n) {
            s[layer][2] += inactive(act, 0) ? n : 0;
            s[layer][3] += n;
        }

        HiddenStats stats() {
            int layers = s.length;
            double[] mean = new double[layers];
            double[] std = new double[layers];
            double[] inactive = new double[layers];
            for (int l = 0; l < layers; l++) {
                double n = Math.max(1, s[l][3]);
                mean[l] = s[l][0] / n;
                std[l] = Math.sqrt(Math.max(0, s[l][1] / n - mean[l] * mean[l]));
                inactive[l] = s[l][2] / n;
            }
            return new HiddenStats(mean, std, inactive);
        }
    }
}
