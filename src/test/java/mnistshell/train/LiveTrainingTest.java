package mnistshell.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import mnistshell.data.Dataset;
import mnistshell.data.Split;
import mnistshell.nn.Tensor;
import mnistshell.nn.TestData;
import mnistshell.session.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Training on its own thread with requests from a panel: they apply between updates, in order, and
 * the session ends as {@code step} runs with the same {@code set} commands in between would leave it.
 */
@Timeout(30)
class LiveTrainingTest {

    static final Dataset DATA = TestData.random(120, 28, 28, 5);

    static Session session(String... settings) {
        Session s = new Session(DATA, Split.shuffled(DATA.size(), 20, 1), 3);
        for (String line : settings) {
            String[] words = line.split(" ");
            s.set(words[0], List.of(words).subList(1, words.length));
        }
        return s;
    }

    static LiveTraining live(Session s, boolean paused) {
        return new LiveTraining(s.training(), s.network(), s.data(), s.split(), s::set, paused);
    }

    /** A fresh session with {@code settings}, then step and set as {@code trained}'s history says it was trained. */
    static Session replay(Session trained, int changesBefore, String... settings) {
        Session twin = session(settings);
        List<History.Change> changes = trained.training().history().changes();
        for (History.Change c : changes.subList(changesBefore, changes.size())) {
            twin.step(c.update() - twin.iteration(), () -> false, d -> { });
            twin.set(c.key(), List.of(c.value()));
        }
        twin.step(trained.iteration() - twin.iteration(), () -> false, d -> { });
        return twin;
    }

    /** Every weight, optimizer state value and history entry the same bits. */
    static void assertSameSession(Session expected, Session actual) {
        assertEquals(expected.iteration(), actual.iteration());
        assertEquals(expected.training().settings(), actual.training().settings());
        assertEquals(expected.training().history().changes(), actual.training().history().changes());
        assertEquals(expected.training().history().points(), actual.training().history().points());
        assertEquals(expected.training().order().position(), actual.training().order().position());
        assertSameBits(arrays(expected), arrays(actual));
    }

    static List<double[]> arrays(Session s) {
        List<double[]> all = new ArrayList<>();
        for (Tensor t : s.network().tensors()) {
            all.addAll(List.of(t.values()));
        }
        for (double[][] a : s.training().optimizer().state()) {
            all.addAll(List.of(a));
        }
        return all;
    }

    static void assertSameBits(List<double[]> a, List<double[]> b) {
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).length, b.get(i).length);
            for (int j = 0; j < a.get(i).length; j++) {
                assertEquals(Double.doubleToRawLongBits(a.get(i)[j]), Double.doubleToRawLongBits(b.get(i)[j]),
                        "array " + i + ", entry " + j);
            }
        }
    }

    @Test
    void requestsApplyInTheirOrderBetweenUpdates() {
        Session s = session();
        LiveTraining live = live(s, true);
        live.stepOnce();
        live.stepOnce();
        live.stepOnce();
        live.scaleLr(2);
        live.stepOnce();
        live.stepOnce();
        live.stop();
        LiveTraining.Result r = live.run(0, () -> false);
        assertEquals(5, r.updates());
        assertFalse(r.interrupted(), "q ends a run without a goal: not an interruption");
        assertEquals(List.of(new History.Change(3, "lr", "0.2")), s.training().history().changes());
        assertSameSession(replay(s, 0), s);
    }

    @Test
    void halvingTwiceQuarters() {
        Session s = session("lr 0.1");
        LiveTraining live = live(s, true);
        live.scaleLr(0.5);
        live.scaleLr(0.5);
        live.stepOnce();
        live.stop();
        live.run(0, () -> false);
        List<History.Change> changes = s.training().history().changes();
        assertEquals("0.05", changes.get(1).value());
        assertEquals("0.025", changes.get(2).value());
        assertEquals(0.025, s.training().settings().lr());
    }

    @Test
    void whileItRunsRequestsLandBetweenUpdatesAndTheSessionIsThatOfStep() throws InterruptedException {
        String[] settings = {"optimizer adam", "lr 0.01", "batch 16"};
        Session s = session(settings);
        LiveTraining live = live(s, false);
        AtomicReference<LiveTraining.Result> result = new AtomicReference<>();
        Thread t = new Thread(() -> result.set(live.run(0, () -> false)));
        t.start();
        int seen = waitForUpdate(live, 5);
        live.scaleLr(0.5);
        waitForUpdate(live, seen + 10);
        live.scaleLr(2);
        live.scaleLr(2);
        waitForUpdate(live, seen + 20);
        live.stop();
        t.join();
        assertEquals(3, s.training().history().changes().size() - 3, "three changes made by requests");
        assertTrue(result.get().updates() >= 25);
        assertEquals(s.iteration(), result.get().updates());
        assertSameSession(replay(s, 3, settings), s);
    }

    /** Asks for snapshots until one shows at least {@code update} updates; returns its count. */
    static int waitForUpdate(LiveTraining live, int update) throws InterruptedException {
        while (true) {
            live.requestSnapshot();
            LiveSnapshot snap;
            while ((snap = live.takeSnapshot()) == null) {
                Thread.sleep(1);
            }
            if (snap.update() >= update) {
                return snap.update();
            }
        }
    }

    @Test
    void aSnapshotCarriesOnlyThePointsMadeSinceTheLastOne() throws InterruptedException {
        Session s = session();
        s.step(4, () -> false, d -> { });
        LiveTraining live = live(s, true);
        Thread t = new Thread(() -> live.run(0, () -> false));
        t.start();
        live.requestSnapshot();
        LiveSnapshot first = take(live);
        assertEquals(4, first.newPoints().size(), "the first brings the history since init");
        assertTrue(first.paused());
        live.stepOnce();
        live.stepOnce();
        live.requestSnapshot(); // may come before the two updates: then a later one brings them
        List<History.Point> fresh = new ArrayList<>(take(live).newPoints());
        while (fresh.size() < 2) {
            live.requestSnapshot();
            fresh.addAll(take(live).newPoints());
        }
        assertEquals(List.of(5, 6), fresh.stream().map(History.Point::update).toList());
        live.stop();
        t.join();
        LiveSnapshot last = take(live);
        assertEquals("stopped after update 6", last.ended());
        assertTrue(last.newPoints().isEmpty());
        assertEquals(s.training().settings(), last.settings());
    }

    static LiveSnapshot take(LiveTraining live) throws InterruptedException {
        LiveSnapshot s;
        while ((s = live.takeSnapshot()) == null) {
            Thread.sleep(1);
        }
        return s;
    }

    @Test
    void aSnapshotsWeightsAreACopy() throws InterruptedException {
        Session s = session();
        LiveTraining live = live(s, true);
        Thread t = new Thread(() -> live.run(0, () -> false));
        t.start();
        live.requestSnapshot();
        LiveSnapshot snap = take(live);
        double before = snap.network().tensors().get(0).values()[0][300];
        live.stepOnce();
        live.stop();
        t.join();
        assertEquals(before, snap.network().tensors().get(0).values()[0][300]);
        assertTrue(s.network().tensors().get(0).values()[0][300] != before || s.iteration() == 1);
    }

    @Test
    void aGoalEndsTheRunAndAFailureStopsIt() {
        Session s = session();
        LiveTraining.Result r = live(s, false).run(7, () -> false);
        assertEquals(7, r.updates());
        assertNull(r.failure());
        assertEquals(7, s.iteration());

        Session blowUp = session("lr 1e6");
        LiveTraining live = live(blowUp, false);
        LiveTraining.Result failed = live.run(50, () -> false);
        assertNotNull(failed.failure());
        assertTrue(failed.failure().contains(" diverged: "), failed.failure());
        assertEquals(blowUp.iteration(), failed.updates());
        assertTrue(live.takeSnapshot().ended().startsWith("stopped: update "));
    }

    @Test
    void cancelledStopsAfterTheUpdateInProgress() {
        Session s = session();
        int[] calls = {0};
        LiveTraining.Result r = live(s, false).run(100, () -> ++calls[0] > 3);
        assertTrue(r.interrupted());
        assertTrue(r.updates() < 100);
        assertEquals(s.iteration(), r.updates());
    }

    @Test
    void plainNumbersParseBackToTheSameDouble() {
        assertEquals("0.2", LiveTraining.plain(0.1 * 2));
        assertEquals("0.0001", LiveTraining.plain(0.0002 / 2));
        assertEquals(0.1 * 2 * 2 * 2, Double.parseDouble(LiveTraining.plain(0.1 * 2 * 2 * 2)));
        assertEquals(0.003 / 2 / 2, Double.parseDouble(LiveTraining.plain(0.003 / 2 / 2)));
    }
}
