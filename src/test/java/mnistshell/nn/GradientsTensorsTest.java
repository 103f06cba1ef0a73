package mnistshell.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import mnistshell.data.Dataset;
import mnistshell.data.EmbeddedSample;
import org.junit.jupiter.api.Test;

/** Gradients walked tensor by tensor line up with the network's tensors: the same order, names and shapes. */
class GradientsTensorsTest {

    @Test
    void tensorKIsTheGradientOfTheNetworksTensorK() {
        Dataset data = EmbeddedSample.load();
        Network net = Network.create(new int[] {784, 12, 8, 10}, Activation.LeakyRelu.SEED, Init.HE, 4);
        Gradients g = new ReferenceEngine().gradients(net, data, new int[] {0, 1, 2, 3, 4});
        List<Tensor> params = net.tensors();
        assertEquals(params.size(), g.tensors());
        for (int k = 0; k < params.size(); k++) {
            double[][] p = params.get(k).values();
            double[][] grad = g.tensor(k);
            assertEquals(p.length, grad.length, params.get(k).name() + " rows");
            assertEquals(p[0].length, grad[0].length, params.get(k).name() + " columns");
            int l = k / 2;
            assertSame(params.get(k).weight() ? g.dW()[l] : g.db()[l], grad, params.get(k).name());
            assertEquals(params.get(k).weight() ? "W" + (l + 1) : "b" + (l + 1), params.get(k).name());
        }
    }
}
