package mnistshell.nn;

import mnistshell.errors.ShellError;

/** A hidden layer's element-wise non-linearity, written in terms of its pre-activation {@code z}. */
public interface Activation {

    double apply(double z);

    /** d apply / dz at {@code z}. */
    double derivative(double z);

    /** Whether a unit with this pre-activation counts as active (output above zero). */
    default boolean active(double z) {
        return apply(z) > 0;
    }

    /** The name {@code init --act} takes. */
    String name();

    /** The names {@code init --act} accepts. */
    String[] NAMES = {"leaky-relu", "relu", "sigmoid", "tanh"};

    /** The activation called {@code name}; {@code slope} is Leaky ReLU's and ignored by the others. */
    static Activation named(String name, double slope) {
        return switch (name) {
            case "leaky-relu" -> new LeakyRelu(slope);
            case "relu" -> new Relu();
            case "sigmoid" -> new Sigmoid();
            case "tanh" -> new Tanh();
            default -> throw new ShellError("unknown activation '" + name + "': expected "
                    + String.join(", ", java.util.Arrays.copyOf(NAMES, NAMES.length - 1)) + " or " + NAMES[NAMES.length - 1]);
        };
    }

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
        public String name() {
            return "leaky-relu";
        }

        @Override
        public String toString() {
            return "leaky-relu(" + slope + ")";
        }
    }

    /** max(0, z); the derivative at 0 is taken as 0, as numpy's {@code Z > 0} does. */
    record Relu() implements Activation {
        @Override
        public double apply(double z) {
            return z > 0 ? z : 0;
        }

        @Override
        public double derivative(double z) {
            return z > 0 ? 1.0 : 0.0;
        }

        @Override
        public String name() {
            return "relu";
        }

        @Override
        public String toString() {
            return name();
        }
    }

    /** 1 / (1 + e^-z). */
    record Sigmoid() implements Activation {
        @Override
        public double apply(double z) {
            return 1 / (1 + Math.exp(-z));
        }

        @Override
        public double derivative(double z) {
            double s = apply(z);
            return s * (1 - s);
        }

        @Override
        public boolean active(double z) {
            return z > 0; // output above one half
        }

        @Override
        public String name() {
            return "sigmoid";
        }

        @Override
        public String toString() {
            return name();
        }
    }

    /** tanh z. */
    record Tanh() implements Activation {
        @Override
        public double apply(double z) {
            return Math.tanh(z);
        }

        @Override
        public double derivative(double z) {
            double t = Math.tanh(z);
            return 1 - t * t;
        }

        @Override
        public String name() {
            return "tanh";
        }

        @Override
        public String toString() {
            return name();
        }
    }
}
