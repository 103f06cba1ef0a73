package mnistshell.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import mnistshell.data.Dataset;
import mnistshell.nn.layer.LayerSpec;
import mnistshell.nn.layer.Param;
import mnistshell.nn.layer.Pass;
import mnistshell.nn.layer.Sequential;
import mnistshell.nn.layer.Shape;
import org.junit.jupiter.api.Test;

/**
 * A {@link Network} holding a {@link Sequential}: its tensors are the layers' parameters, live, so
 * that training and the optimizers walk them as they walk a dense stack's; and both engines hand
 * it to their layer engines, the fast one with the same bits on 1, 2 and 3 threads.
 */
class LayeredNetworkTest {

    static final String SPEC = "conv2k3-pool2-drop0.5-8-10";
    static final Dataset DATA = TestData.random(60, 28, 28, 4);
    static final int[] BATCH = {3, 17, 5, 40, 22, 9, 31, 0, 58, 11, 47, 26};

    static Network net() {
        Sequential layers = LayerSpec.parse(SPEC, Shape.image(28, 28), 10, Activation.LeakyRelu.SEED);
        return Network.layered(layers, Activation.LeakyRelu.SEED, Init.HE, 5);
    }

    @Test
    void itsTensorsAreTheLayersParametersLive() {
        Network net = net();
        assertTrue(net.isLayered());
        assertEquals(List.of("W1", "b1", "W2", "b2", "W3", "b3"), net.tensorNames());
        List<Param> params = net.sequential().params();
        for (int k = 0; k < params.size(); k++) {
            assertSame(params.get(k).values(), net.tensors().get(k).values(), params.get(k).name());
            assertEquals(params.get(k).weight(), net.tensors().get(k).weight());
        }
        // conv2k3 over 1x28x28: W (2, 1*3*3); pool to 2x13x13 = 338 inputs of the dense 8
        assertEquals(List.of(2, 9, 2, 1, 8, 338, 8, 1, 10, 8, 10, 1), net.tensors().stream()
                .flatMap(t -> java.util.stream.Stream.of(t.rows(), t.columns())).toList());
        assertEquals(3, net.layers());
        assertEquals(0, net.statsLayers());
        assertEquals(784, net.inputs());
        assertEquals(10, net.outputs());
        assertEquals(SPEC, net.architecture());
        assertThrows(IllegalStateException.class, net::sizes);
    }

    @Test
    void aCopyHasTheSameValuesInItsOwnStorage() {
        Network net = net();
        Network copy = net.copy();
        assertEquals(net.architecture(), copy.architecture());
        for (int k = 0; k < net.tensors().size(); k++) {
            double[][] a = net.tensors().get(k).values();
            double[][] b = copy.tensors().get(k).values();
            assertNotSame(a, b);
            assertTrue(Arrays.deepEquals(a, b), net.tensors().get(k).name());
        }
        copy.tensors().get(0).values()[0][0] += 1;
        assertFalse(Arrays.deepEquals(net.tensors().get(0).values(), copy.tensors().get(0).values()));
    }

    @Test
    void theReferenceEngineIsTheLayerReference() {
        Network net = net();
        Pass pass = new Pass(true, 7, 3, null, BiasGrad.EXACT);
        Gradients engine = new ReferenceEngine().gradients(net, DATA, BATCH, pass);
        Gradients layers = new LayerReference().gradients(net.sequential(), DATA, BATCH, pass);
        assertSameBits(layers, engine);
        Evaluation e = new ReferenceEngine().evaluate(net, DATA, BATCH);
        Evaluation l = new LayerReference().evaluate(net.sequential(), DATA, BATCH);
        assertEquals(l.loss(), e.loss(), 0.0);
        assertArrayEquals(l.predictions(), e.predictions());
    }

    @Test
    void theFastKernelEqualsTheReferenceAndItselfOnOneTwoAndThreeThreads() {
        Network net = net();
        Pass pass = new Pass(true, 7, 3, null, BiasGrad.EXACT);
        Gradients reference = new ReferenceEngine().gradients(net, DATA, BATCH, pass);
        Gradients first = null;
        for (int threads = 1; threads <= 3; threads++) {
            try (FastKernel fast = new FastKernel(threads)) {
                Gradients g = copyOf(fast.gradients(net, DATA, BATCH, pass));
                assertClose(reference, g);
                if (first == null) {
                    first = g;
                } else {
                    assertSameBits(first, g);
                }
                assertEquals(new ReferenceEngine().evaluate(net, DATA, BATCH).correct(),
                        fast.evaluate(net, DATA, BATCH).correct());
                assertEquals(null, fast.lastHiddenStats(net));
            }
        }
    }

    @Test
    void dropoutIsOnOnlyInATrainingPassAndFollowsItsSeedAndUpdate() {
        Network net = net();
        ReferenceEngine engine = new ReferenceEngine();
        Gradients off = engine.gradients(net, DATA, BATCH, BiasGrad.EXACT);
        Gradients on = engine.gradients(net, DATA, BATCH, new Pass(true, 7, 3, null, BiasGrad.EXACT));
        Gradients again = engine.gradients(net, DATA, BATCH, new Pass(true, 7, 3, null, BiasGrad.EXACT));
        Gradients next = engine.gradients(net, DATA, BATCH, new Pass(true, 7, 4, null, BiasGrad.EXACT));
        assertSameBits(on, again);
        assertFalse(Arrays.deepEquals(off.dW()[1], on.dW()[1]), "dropout changed nothing");
        assertFalse(Arrays.deepEquals(on.dW()[1], next.dW()[1]), "the next update drew the same mask");
        Gradients evaluation = engine.gradients(net, DATA, BATCH, Pass.evaluation());
        assertSameBits(off, evaluation);
    }

    static Gradients copyOf(Gradients g) {
        double[][][] dW = Arrays.stream(g.dW()).map(LayeredNetworkTest::copy).toArray(double[][][]::new);
        double[][][] db = Arrays.stream(g.db()).map(LayeredNetworkTest::copy).toArray(double[][][]::new);
        return new Gradients(dW, db, g.loss(), g.correct());
    }

    private static double[][] copy(double[][] a) {
        return Arrays.stream(a).map(double[]::clone).toArray(double[][]::new);
    }

    static void assertSameBits(Gradients a, Gradients b) {
        assertEquals(a.tensors(), b.tensors());
        for (int k = 0; k < a.tensors(); k++) {
            for (int i = 0; i < a.tensor(k).length; i++) {
                assertArrayEquals(a.tensor(k)[i], b.tensor(k)[i], 0.0, "tensor " + k + " row " + i);
            }
        }
        assertEquals(a.loss(), b.loss(), 0.0);
        assertEquals(a.correct(), b.correct());
    }

    /** Within 1e-9 of each tensor's largest entry, as the layer contract holds the engines. */
    static void assertClose(Gradients reference, Gradients g) {
        for (int k = 0; k < reference.tensors(); k++) {
            double largest = Arrays.stream(reference.tensor(k)).flatMapToDouble(Arrays::stream).map(Math::abs)
                    .max().orElse(0);
            for (int i = 0; i < reference.tensor(k).length; i++) {
                assertArrayEquals(reference.tensor(k)[i], g.tensor(k)[i], 1e-9 * Math.max(largest, 1e-300),
                        "tensor " + k + " row " + i);
            }
        }
        assertEquals(reference.loss(), g.loss(), 1e-12);
        assertEquals(reference.correct(), g.correct());
    }
}
