package mnistshell.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import mnistshell.data.Dataset;
import mnistshell.data.Split;
import mnistshell.nn.Activation;
import mnistshell.nn.FastKernel;
import mnistshell.nn.Init;
import mnistshell.nn.Tensor;
import mnistshell.nn.TestData;
import mnistshell.session.Session;
import mnistshell.session.StepReport;
import mnistshell.errors.ShellError;
import org.junit.jupiter.api.Test;

/** Training through the session, on 400 random images: reproducibility, NaN rollback, Ctrl-C, history. */
class TrainingTest {

    static final Dataset DATA = TestData.random(400, 28, 28, 4);

    static Session session(String... settings) {
        Session s = new Session(DATA, Split.shuffled(DATA.size(), 50, 1), 3);
        for (String line : settings) {
            String[] words = line.split(" ");
            s.set(words[0], List.of(words).subList(1, words.length));
        }
        return s;
    }

    static List<double[]> weights(Session s) {
        List<double[]> all = new ArrayList<>();
        for (Tensor t : s.network().tensors()) {
            for (double[] row : t.values()) {
                all.add(row.clone());
            }
        }
        return all;
    }

    static void assertBitIdentical(List<double[]> a, List<double[]> b) {
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i), b.get(i), 0.0, "row " + i);
        }
    }

    static StepReport step(Session s, int n) {
        return s.step(n, () -> false, done -> { });
    }

    @Test
    void theSameSeedAndCommandsGiveBitIdenticalWeights() {
        String[] setup = {"optimizer adam", "lr 0.01", "batch 32", "threads 1"};
        Session a = session(setup);
        a.init(new int[] {784, 16, 8, 10}, Activation.named("tanh", 0), Init.XAVIER, 9);
        step(a, 30);
        Session b = session(setup);
        b.set("threads", List.of("3")); // a different thread count must not change a bit
        b.init(new int[] {784, 16, 8, 10}, Activation.named("tanh", 0), Init.XAVIER, 9);
        step(b, 12);
        step(b, 18);
        assertBitIdentical(weights(a), weights(b));
    }

    @Test
    void fiftyFullBatchUpdatesGiveTheSameBitsOnOneAndTwoThreads() {
        Session one = session("threads 1");
        step(one, 50);
        Session two = session("threads 2");
        step(two, 50);
        assertBitIdentical(weights(one), weights(two));
    }

    @Test
    void fiftyUpdatesWithAndWithoutTheNativeSumsGiveTheSameBits() {
        assumeTrue(FastKernel.nativeSumsAvailable(), "no native sums here");
        Session fast = session("threads 2");
        step(fast, 50);
        Session java = session("threads 2", "engine java");
        step(java, 50);
        assertBitIdentical(weights(fast), weights(java));
        assertEquals(fast.training().history().points().get(49).testAccuracy(),
                java.training().history().points().get(49).testAccuracy());
    }

    @Test
    void anUpdateThatOverflowsTheWeightsIsRolledBack() {
        Session s = session("optimizer momentum", "lr 1e300", "l2 1e300");
        List<double[]> before = weights(s);
        double[][] velocity = s.training().optimizer().state().get(0);
        StepReport r = step(s, 5);
        assertNotNull(r.failure());
        assertEquals("update 1 diverged: W1 became NaN or infinite; back to the initial weights", r.failure());
        assertBitIdentical(before, weights(s));
        for (double[] row : velocity) {
            for (double v : row) {
                assertEquals(0.0, v, "momentum state rolled back to zero");
            }
        }
        assertEquals(0, s.iteration());
        assertEquals(0, s.training().epoch());
        assertEquals(0, s.training().optimizer().updates());
    }

    @Test
    void aLossThatBlowsUpStopsTrainingWithTheLastFiniteWeights() {
        Session blown = session("lr 1000");
        StepReport r = step(blown, 10_000);
        assertNotNull(r.failure(), "lr 1000 must blow up");
        int lastGood = blown.iteration();
        assertTrue(r.failure().startsWith("update " + (lastGood + 1) + " diverged: "), r.failure());
        assertEquals(lastGood, blown.training().history().points().size());

        Session replay = session("lr 1000");
        step(replay, lastGood);
        assertBitIdentical(weights(replay), weights(blown));
        assertEquals(replay.training().epoch(), blown.training().epoch());
    }

    @Test
    void ctrlCStopsBetweenUpdatesWithCountersAndStateInStep() {
        Session s = session("optimizer adam", "batch 16", "lr 0.001");
        AtomicInteger asked = new AtomicInteger();
        StepReport r = s.epochs(5, () -> asked.incrementAndGet() > 7, done -> { }, line -> { });
        assertTrue(r.interrupted());
        assertEquals(7, s.iteration());
        assertEquals(7, s.training().optimizer().updates());
        assertEquals(7, s.training().history().points().size());
        assertEquals(7 * 16, s.training().order().position(), "seven batches of 16 into the first epoch");
    }

    @Test
    void changesAreRecordedWithTheUpdateAtWhichTheyTookEffect() {
        Session s = session();
        step(s, 3);
        s.set("lr", List.of("0.05"));
        step(s, 2);
        s.set("schedule", List.of("cosine", "10"));
        List<History.Change> changes = s.training().history().changes();
        assertEquals(new History.Change(3, "lr", "0.05"), changes.get(0));
        assertEquals(new History.Change(5, "schedule", "cosine 10"), changes.get(1));
        assertThrows(ShellError.class, () -> s.set("lr", List.of("-1")));
        assertEquals(2, s.training().history().changes().size(), "a refused value is not recorded");
        assertEquals(0.05, s.training().settings().lr());
    }

    @Test
    void fullBatchRecordsEveryUpdateWithTestAccuracyAndMiniBatchAtEpochEnds() {
        Session full = session();
        step(full, 4);
        assertEquals(4, full.training().history().points().size());
        assertTrue(full.training().history().points().stream().noneMatch(p -> Double.isNaN(p.testAccuracy())));

        Session mini = session("batch 100"); // 350 training images: 4 updates an epoch
        mini.epochs(2, () -> false, done -> { }, line -> { });
        List<History.Point> points = mini.training().history().points();
        assertEquals(8, points.size());
        assertTrue(Double.isNaN(points.get(0).testAccuracy()));
        assertTrue(!Double.isNaN(points.get(3).testAccuracy()) && !Double.isNaN(points.get(7).testAccuracy()));
        assertEquals(2, points.get(7).epoch());
    }

    @Test
    void theInputSizeMustMatchTheData() {
        Session s = session();
        ShellError e = assertThrows(ShellError.class,
                () -> s.init(new int[] {100, 10, 10}, Activation.named("relu", 0), Init.HE, 1));
        assertTrue(e.getMessage().contains("784"), e.getMessage());
        assertNull(s.training().lastGradients(), "the old network is untouched");
    }
}
