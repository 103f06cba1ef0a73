package mnistshell.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The kernel's branch-free Leaky ReLU equals the activation's own, bit for bit, on every kind of double. */
class KernelLeakyTest {

    static final double[] VALUES = {0.0, -0.0, 1.0, -1.0, 0.5, -2.5, 1e-300, -1e-300, Double.MIN_VALUE,
        -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.NaN, Math.nextUp(0.0), Math.nextDown(Double.POSITIVE_INFINITY), 3.14159, -42.0};

    @Test
    void forwardAndBackwardEqualApplyAndDerivative() {
        for (double slope : new double[] {Double.MIN_VALUE, 0.01, 0.2, 0.5, 1.0}) { // the slopes it takes: (0, 1]
            Activation.LeakyRelu f = new Activation.LeakyRelu(slope);
            for (double z : VALUES) {
                if (!Double.isNaN(z)) { // a NaN's payload may differ; a NaN it stays
                    assertEquals(Double.doubleToRawLongBits(f.apply(z)), Double.doubleToRawLongBits(KernelLayers.leaky(z, slope)),
                            "leaky(" + z + ") at slope " + slope);
                } else {
                    assertEquals(Double.NaN, KernelLayers.leaky(z, slope));
                }
                for (double d : VALUES) {
                    double expected = d * f.derivative(z);
                    double got = KernelLayers.leakyBack(d, z, slope);
                    if (Double.isNaN(expected)) {
                        assertEquals(Double.NaN, got, d + " * derivative(" + z + ")");
                    } else {
                        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(got),
                                d + " * derivative(" + z + ") at slope " + slope);
                    }
                }
            }
        }
    }
}
