package mnistshell.nn;

/** A hidden layer's element-wise non-linearity, written in terms of its pre-activation {@code z}. */
public interface Activation {

    double apply(double z);

    /** d apply / dz at {@code z}. */
    double derivative(double z);

    /** The seed's choice: {@code z} when positive, {@code slope * z} otherwise. */
    record LeakyRelu(double slope) implements Activation {
        public static final LeakyRelu SEED = new LeakyRelu(0.01);

        @Override
        public double apply(double z) {
            return z > 0 ? z : slope * z;
        }

        @Override
        public double derivative(double z) {
            return z > 0 ? 1.0 : slope;
        }

        @Override
        public String toString() {
            return "leaky-relu(" + slope + ")";
        }
    }
}
