package mnistshell.train;

import static mnistshell.train.TrainingTest.session;
import static mnistshell.train.TrainingTest.step;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import mnistshell.data.Dataset;
import mnistshell.nn.BiasGrad;
import mnistshell.nn.HiddenStats;
import mnistshell.nn.ReferenceEngine;
import mnistshell.session.Session;
import org.junit.jupiter.api.Test;

/** Layer statistics kept in the history at every update, as the update measured them. */
class LayerHistoryTest {

    @Test
    void everyUpdateKeepsItsNormsRatiosAndActivations() {
        Session s = session("batch 32", "optimizer adam", "lr 0.01");
        step(s, 4);
        List<History.Layers> layers = s.training().history().layers();
        assertEquals(4, layers.size());
        UpdateSizes last = s.training().recentSizes().get(3);
        History.Layers l = layers.get(3);
        assertArrayEquals(last.gradient(), l.gradient());
        for (int k = 0; k < l.ratio().length; k++) {
            assertEquals(last.step()[k] / last.weights()[k], l.ratio()[k], 1e-15);
        }
        assertEquals(1, l.mean().length, "one hidden layer");
    }

    @Test
    void theActivationsAreThoseOfTheUpdatesBatchBeforeTheUpdate() {
        Session s = session();
        Session copy = session(); // full batch by default: the batch is the whole training set
        step(s, 1);
        Dataset data = copy.data();
        ReferenceEngine ref = new ReferenceEngine();
        ref.gradients(copy.network(), data, copy.split().train(), BiasGrad.EXACT);
        HiddenStats expected = ref.lastHiddenStats(copy.network());
        History.Layers l = s.training().history().layers().get(0);
        assertArrayEquals(expected.mean(), l.mean(), 1e-9);
        assertArrayEquals(expected.std(), l.std(), 1e-9);
        assertArrayEquals(expected.inactive(), l.inactive(), 1e-12);
    }

    @Test
    void truncatingForgetsTheUndoneUpdatesStatistics() {
        History h = new History();
        for (int u = 1; u <= 5; u++) {
            h.add(new History.Layers(u, new double[] {u}, new double[] {u}, new double[0], new double[0], new double[0]));
        }
        h.truncate(3);
        assertEquals(List.of(1, 2, 3), h.layers().stream().map(History.Layers::update).toList());
    }

    @Test
    void benchCanTurnTheRecordingOffToTimeIt() {
        Session s = session("batch 32");
        s.training().recordLayers(false);
        step(s, 2);
        assertEquals(0, s.training().history().layers().size());
        assertEquals(2, s.training().history().points().size(), "the rest of the history as ever");
    }
}
