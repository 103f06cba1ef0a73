package mnistshell.train;

import static mnistshell.train.TrainingTest.assertBitIdentical;
import static mnistshell.train.TrainingTest.session;
import static mnistshell.train.TrainingTest.step;
import static mnistshell.train.TrainingTest.weights;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import mnistshell.nn.Tensor;
import mnistshell.session.Session;
import mnistshell.session.StepReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Training that diverges stops with the session finite and within the loss limit, exactly where a
 * fresh session stepped to the same update count is: for every learning rate, optimizer and batch.
 */
class DivergenceTest {

    static Stream<Arguments> everyRate() {
        List<Arguments> cases = new ArrayList<>();
        for (String lr : List.of("1", "10", "100", "1000", "1e6", "1e20", "1e300")) {
            for (String setup : List.of("optimizer gd", "optimizer momentum;batch 32", "optimizer adam;batch 32")) {
                cases.add(Arguments.of(lr, setup, false));
                cases.add(Arguments.of(lr, setup, true));
            }
        }
        return cases.stream();
    }

    static String[] settings(String lr, String setup) {
        List<String> all = new ArrayList<>(List.of(setup.split(";")));
        all.add("lr " + lr);
        return all.toArray(String[]::new);
    }

    /** In one step of 40, or in steps of one: then only the check at a step's end sees the last weights. */
    @ParameterizedTest(name = "lr {0}, {1}, one at a time {2}")
    @MethodSource("everyRate")
    void whateverTheRateTheSessionEndsFiniteAndAsIfSteppedToItsCount(String lr, String setup, boolean oneAtATime) {
        Session s = session(settings(lr, setup));
        StepReport r = step(s, oneAtATime ? 1 : 40);
        for (int k = 1; oneAtATime && k < 40 && r.failure() == null; k++) {
            r = step(s, 1);
        }
        int kept = s.iteration();
        assertTrue(r.failure() != null || kept == 40, "no failure yet only " + kept + " updates");
        assertFinite(s);
        double limit = 1e6 * Math.max(Math.log(10), s.training().history().points().isEmpty()
                ? 0 : s.training().history().points().get(0).loss());
        assertEquals(kept, s.training().history().points().size(), "a point per update kept");
        assertEquals(kept, s.training().history().layers().size(), "and its layer statistics: undone ones dropped");
        for (int i = 0; i < kept; i++) {
            assertEquals(i + 1, s.training().history().layers().get(i).update());
        }
        for (History.Point p : s.training().history().points()) {
            assertTrue(Double.isFinite(p.loss()) && p.loss() <= limit, "update " + p.update() + ": loss " + p.loss());
        }
        assertTrue(Double.isFinite(r.loss()) && r.loss() <= limit, "training loss after the stop: " + r.loss());
        if (r.failure() != null) {
            assertTrue(r.failure().contains(kept == 0 ? "back to the initial weights" : "back to update " + kept)
                    || r.failure().contains("stopped, nothing changed"), r.failure());
        }

        Session replay = session(settings(lr, setup));
        StepReport again = step(replay, kept);
        assertNull(again.failure(), "the updates kept are ones that do not diverge");
        assertBitIdentical(weights(replay), weights(s));
        assertBitIdentical(state(replay), state(s));
        assertEquals(replay.training().optimizer().updates(), s.training().optimizer().updates());
        assertEquals(replay.training().order().mark(), s.training().order().mark());
    }

    @Test
    void aLossThatIsFiniteButAbsurdStopsTrainingAndNamesTheUpdates() {
        Session s = session("lr 1000");
        StepReport r = step(s, 100);
        assertNotNull(r.failure());
        int kept = s.iteration();
        // the loss measured at update K + 2 judged the weights update K + 1 made: both are undone
        assertTrue(r.failure().matches("update " + (kept + 1) + " diverged: loss \\S+ -> \\S+ at update "
                + (kept + 2) + "; back to (update " + kept + "|the initial weights)"), r.failure());
        assertTrue(r.failure().length() <= 80 - "-c: error: ".length(), r.failure());
    }

    @Test
    void divergeOffLeavesOnlyTheNaNGuardAndALowerFactorStopsSooner() {
        Session off = session("lr 1000", "diverge off");
        StepReport r = step(off, 200);
        assertNotNull(r.failure(), "lr 1000 still ends in NaN or infinity");
        assertTrue(r.failure().contains("NaN") || r.failure().contains("Infinity") || r.failure().contains("infinite"),
                r.failure());
        double first = off.training().history().points().get(0).loss();
        assertTrue(off.training().history().points().stream().anyMatch(p -> p.loss() > 1e6 * first),
                "without the limit some loss is kept beyond it");

        Session strict = session("lr 10", "diverge 2");
        step(strict, 100);
        Session loose = session("lr 10");
        step(loose, 100);
        assertTrue(strict.iteration() <= loose.iteration());
        for (History.Point p : strict.training().history().points()) {
            assertTrue(p.loss() <= 2 * Math.max(first, Math.log(10)) || p.update() == 1, "update " + p.update());
        }
    }

    @Test
    void theFirstUpdateOverflowingUndoesTheWholeStep() {
        Session s = session("lr 1e300");
        List<double[]> before = weights(s);
        StepReport r = step(s, 100);
        assertNotNull(r.failure());
        assertTrue(r.failure().endsWith("back to the initial weights"), r.failure());
        assertEquals(0, s.iteration());
        assertEquals(0, r.updates());
        assertBitIdentical(before, weights(s));
        assertTrue(s.training().history().points().isEmpty());
        assertNull(s.training().lastGradients());
    }

    @Test
    void theGradientsShownAfterAStopAreThoseOfTheUpdateGoneBackTo() {
        Session s = session("lr 1000");
        step(s, 100);
        int kept = s.iteration();
        assertTrue(kept >= 1, "lr 1000 on this data keeps at least its first update");
        Session replay = session("lr 1000");
        step(replay, kept);
        double[][][] expected = replay.training().lastGradients().dW();
        double[][][] actual = s.training().lastGradients().dW();
        for (int l = 0; l < expected.length; l++) {
            for (int i = 0; i < expected[l].length; i++) {
                org.junit.jupiter.api.Assertions.assertArrayEquals(expected[l][i], actual[l][i], 0.0, "dW" + (l + 1));
            }
        }
        assertEquals(kept, s.training().recentSizes().get(s.training().recentSizes().size() - 1).update());
    }

    @Test
    void aSettingChangedAfterAnUndoneUpdateCountsFromTheUpdateGoneBackTo() {
        Session s = session("lr 1000");
        step(s, 1);
        s.set("lr", List.of("2000"));
        step(s, 100);
        int kept = s.iteration();
        for (History.Change c : s.training().history().changes()) {
            assertTrue(c.update() <= kept, c.toString());
        }
    }

    private static void assertFinite(Session s) {
        for (Tensor t : s.network().tensors()) {
            assertTrue(t.allFinite(), t.name());
        }
        for (double[][] a : s.training().optimizer().state()) {
            assertTrue(Tensor.allFinite(a), "optimizer state");
        }
        if (s.training().lastGradients() != null) {
            assertNull(s.training().lastGradients().firstNonFinite());
        }
    }

    private static List<double[]> state(Session s) {
        List<double[]> all = new ArrayList<>();
        for (double[][] a : s.training().optimizer().state()) {
            for (double[] row : a) {
                all.add(row.clone());
            }
        }
        return all;
    }
}
