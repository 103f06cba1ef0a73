package mnistshell.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import mnistshell.nn.Activation;
import mnistshell.nn.Init;
import mnistshell.nn.Network;
import org.junit.jupiter.api.Test;

/** Early stopping's rule on hand-made metric sequences, one held-out check each. */
class BestWeightsTest {

    static Training training(String... earlyStop) {
        Network net = Network.create(new int[] {4, 3, 10}, Activation.LeakyRelu.SEED, Init.HE, 1);
        Training t = new Training(net, Settings.defaults(), 1);
        t.set("early-stop", List.of(earlyStop));
        return t;
    }

    /** Judges {@code metrics} in turn; returns the check (from 1) that stopped, or 0; {@code since} gets each count. */
    static int stopAt(Training t, double[] metrics, int[] since, double[] best) {
        BestWeights b = t.best();
        for (int i = 0; i < metrics.length; i++) {
            String stop = b.judge(t, metrics[i]);
            since[i] = b.sinceBest();
            best[i] = b.metric();
            if (stop != null) {
                assertTrue(stop.startsWith("early stop after update ") && stop.contains(" not better for "), stop);
                return i + 1;
            }
        }
        return 0;
    }

    @Test
    void aLossStopsAfterPatienceChecksWithoutANewLow() {
        // lows at checks 1, 2 and 5 (0.39); checks 6, 7 and 8 are not lower: the third of them stops
        double[] metrics = {0.5, 0.4, 0.45, 0.41, 0.39, 0.5, 0.6, 0.7, 0.1};
        int[] since = new int[metrics.length];
        double[] best = new double[metrics.length];
        assertEquals(8, stopAt(training("3", "--metric", "val-loss"), metrics, since, best));
        assertEquals(List.of(0, 0, 1, 2, 0, 1, 2, 3), java.util.Arrays.stream(since).boxed().toList().subList(0, 8));
        assertEquals(0.39, best[7]);
    }

    @Test
    void anAccuracyMustRiseAndATieIsNoImprovement() {
        // highs at checks 1 and 3; 2 ties 1, 4 and 5 tie 3: with patience 2, check 5 stops
        double[] metrics = {0.5, 0.5, 0.6, 0.6, 0.6, 0.9};
        int[] since = new int[metrics.length];
        double[] best = new double[metrics.length];
        assertEquals(5, stopAt(training("2", "--metric", "val-accuracy"), metrics, since, best));
        assertEquals(List.of(0, 1, 0, 1, 2), java.util.Arrays.stream(since).boxed().toList().subList(0, 5));
        assertEquals(0.6, best[4]);
    }

    @Test
    void aNaNMetricIsNeverBestAndCountsAsNoImprovement() {
        double[] metrics = {0.5, Double.NaN, 0.4};
        int[] since = new int[metrics.length];
        double[] best = new double[metrics.length];
        assertEquals(0, stopAt(training("5", "--metric", "val-loss"), metrics, since, best));
        assertEquals(List.of(0, 1, 0), java.util.Arrays.stream(since).boxed().toList());
        assertEquals(0.4, best[2]);
    }
}
