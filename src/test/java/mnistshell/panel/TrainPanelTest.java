package mnistshell.panel;

import static mnistshell.panel.VirtualScreen.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mnistshell.nn.Tensor;
import mnistshell.session.Session;
import mnistshell.train.History;
import mnistshell.train.LiveTraining;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The train panel on Lanterna's virtual terminal, with a clock the test moves: training runs on its
 * thread while keys arrive, and what q leaves is what step and set would have left.
 */
@Timeout(60)
class TrainPanelTest {

    static final long FRAME = TrainPanel.FRAME_NANOS;
    static final Pattern UPDATE = Pattern.compile("^update (\\d+) ");
    static final Pattern LR = Pattern.compile("  lr (\\S+)");

    final AtomicLong clock = new AtomicLong();

    static String row(DefaultVirtualTerminal t, int y) {
        StringBuilder s = new StringBuilder();
        for (int x = 0; x < t.getTerminalSize().getColumns(); x++) {
            s.append(t.getCharacter(x, y).getCharacterString());
        }
        return s.toString().stripTrailing();
    }

    static String screen(DefaultVirtualTerminal t) {
        StringBuilder s = new StringBuilder();
        for (int y = 0; y < t.getTerminalSize().getRows(); y++) {
            s.append(row(t, y)).append('\n');
        }
        return s.toString();
    }

    static int shownUpdate(DefaultVirtualTerminal t) {
        Matcher m = UPDATE.matcher(row(t, 0));
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    static String shownLr(DefaultVirtualTerminal t) {
        Matcher m = LR.matcher(row(t, 0) + "  " + row(t, 1));
        return m.find() ? m.group(1) : "";
    }

    /** The update count shown, read again if the read caught the row half redrawn. */
    int readUpdate(DefaultVirtualTerminal t) throws InterruptedException {
        await(t, () -> shownUpdate(t) >= 0, "no update count");
        return shownUpdate(t) >= 0 ? shownUpdate(t) : readUpdate(t);
    }

    /** Moves the clock a frame at a time until {@code ok} holds, failing with the screen after 20 s. */
    void await(DefaultVirtualTerminal t, BooleanSupplier ok, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!ok.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + "; the screen:\n" + screen(t));
            }
            clock.addAndGet(FRAME);
            Thread.sleep(2);
        }
    }

    /** The panel as {@code train} opens it, on its own thread, on a virtual terminal. */
    Thread open(Session session, DefaultVirtualTerminal t, int goal, AtomicReference<LiveTraining.Result> result) {
        Thread thread = new Thread(() -> {
            try {
                result.set(TrainPanel.open(mouse -> new TerminalScreen(t), session, goal, () -> false, clock::get));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        thread.start();
        return thread;
    }

    @Test
    void keysArriveWhileItTrainsThePlusKeyDoublesLrAndQLeavesWhatStepWouldHave() throws Exception {
        Session session = PanelData.session();
        session.set("optimizer", List.of("adam"));
        session.set("lr", List.of("0.001"));
        session.set("batch", List.of("8"));
        DefaultVirtualTerminal t = new DefaultVirtualTerminal(new TerminalSize(80, 24));
        AtomicReference<LiveTraining.Result> result = new AtomicReference<>();
        Thread panel = open(session, t, 0, result);
        await(t, () -> shownUpdate(t) > 0, "no update count shown");
        int first = readUpdate(t);
        await(t, () -> shownUpdate(t) > first + 5, "the update count did not grow");
        // the screen is read while the panel draws: a read may catch a row half redrawn, so wait for it
        await(t, () -> shownLr(t).equals("0.001"), "lr 0.001 is not shown");
        t.addInput(key('+'));
        await(t, () -> shownLr(t).equals("0.002"), "+ did not double lr on the screen");
        await(t, () -> screen(t).contains("^ from update "), "the change is not marked on the curves");
        int later = readUpdate(t);
        await(t, () -> shownUpdate(t) > later + 5, "training did not go on after +");
        t.addInput(key('q'));
        panel.join();

        List<History.Change> changes = session.training().history().changes();
        assertEquals(4, changes.size(), changes.toString());
        History.Change plus = changes.get(3);
        assertEquals("lr", plus.key());
        assertEquals("0.002", plus.value());
        assertTrue(plus.update() >= first && plus.update() <= later, plus + " between " + first + " and " + later);
        assertEquals(session.iteration(), result.get().updates());

        Session twin = PanelData.session();
        twin.set("optimizer", List.of("adam"));
        twin.set("lr", List.of("0.001"));
        twin.set("batch", List.of("8"));
        twin.step(plus.update(), () -> false, d -> { });
        twin.set("lr", List.of("0.002"));
        twin.step(session.iteration() - plus.update(), () -> false, d -> { });
        assertSameBits(twin, session);
    }

    static void assertSameBits(Session expected, Session actual) {
        assertEquals(expected.iteration(), actual.iteration());
        assertEquals(expected.training().history().points(), actual.training().history().points());
        List<Tensor> a = expected.network().tensors();
        List<Tensor> b = actual.network().tensors();
        for (int k = 0; k < a.size(); k++) {
            for (int r = 0; r < a.get(k).rows(); r++) {
                for (int c = 0; c < a.get(k).columns(); c++) {
                    assertEquals(Double.doubleToRawLongBits(a.get(k).values()[r][c]),
                            Double.doubleToRawLongBits(b.get(k).values()[r][c]), a.get(k).name() + "[" + r + "][" + c + "]");
                }
            }
        }
        List<double[][]> sa = expected.training().optimizer().state();
        List<double[][]> sb = actual.training().optimizer().state();
        assertEquals(sa.size(), sb.size());
        for (int k = 0; k < sa.size(); k++) {
            for (int r = 0; r < sa.get(k).length; r++) {
                for (int c = 0; c < sa.get(k)[r].length; c++) {
                    assertEquals(Double.doubleToRawLongBits(sa.get(k)[r][c]), Double.doubleToRawLongBits(sb.get(k)[r][c]));
                }
            }
        }
    }

    /** A panel that starts paused, on a started virtual screen, run on the test's thread. */
    TrainPanel paused(Session session, VirtualScreen v, AtomicReference<Throwable> failed, LiveTraining[] live) {
        live[0] = new LiveTraining(session.training(), session.network(), session.data(), session.split(),
                session::set, true);
        return new TrainPanel(v.screen, live[0], TrainPanel.watch(session, clock.get()), clock::get, false, failed);
    }

    @Test
    void whilePausedNMakesOneUpdateAndPlusLandsAtAKnownUpdate() throws IOException {
        Session session = PanelData.session();
        VirtualScreen v = new VirtualScreen(80, 24);
        AtomicReference<Throwable> failed = new AtomicReference<>();
        LiveTraining[] live = new LiveTraining[1];
        TrainPanel panel = paused(session, v, failed, live);
        v.type(key('n'), key('n'), key('n'), key('+'), key('n'), key('n'), key('q'));
        LiveTraining.Result r = TrainPanel.beside(live[0], 0, () -> false, failed, panel::run);
        assertEquals(5, r.updates());
        assertEquals(List.of(new History.Change(3, "lr", "0.2")), session.training().history().changes());
        Session twin = PanelData.session();
        twin.step(3, () -> false, d -> { });
        twin.set("lr", List.of("0.2"));
        twin.step(2, () -> false, d -> { });
        assertSameBits(twin, session);
    }

    @Test
    void snapshotsAreAskedForAtMostTenTimesASecondByTheClock() throws Exception {
        Session session = PanelData.session();
        VirtualScreen v = new VirtualScreen(80, 24);
        AtomicReference<Throwable> failed = new AtomicReference<>();
        LiveTraining[] live = new LiveTraining[1];
        TrainPanel panel = paused(session, v, failed, live);
        Thread training = new Thread(() -> live[0].run(0, () -> false));
        training.start();
        try {
            assertTrue(drawWithin(panel), "the first frame is drawn at once");
            assertEquals(0, shownUpdate(v.terminal));
            live[0].stepOnce();
            Thread.sleep(200); // the update is made, but the clock has not moved: no new snapshot is asked for
            assertFalse(drawWithin(panel));
            assertEquals(0, shownUpdate(v.terminal));
            clock.addAndGet(FRAME - 1);
            assertFalse(drawWithin(panel), "a tenth of a second less a nanosecond is too soon");
            clock.addAndGet(1);
            assertTrue(drawWithin(panel));
            assertEquals(1, shownUpdate(v.terminal));
            assertTrue(v.row(1).contains("PAUSED") || v.row(0).contains("PAUSED"), v.row(0) + v.row(1));
        } finally {
            live[0].stop();
            training.join();
        }
    }

    /** Ticks the panel for up to a second of real time; whether it drew a snapshot. */
    static boolean drawWithin(TrainPanel panel) throws Exception {
        for (int i = 0; i < 100; i++) {
            if (panel.tick()) {
                return true;
            }
            Thread.sleep(2);
        }
        return false;
    }

    @Test
    void drawsAt80By24AndLargeAndRedrawsOnResize() throws Exception {
        Session session = PanelData.session();
        session.step(30, () -> false, d -> { });
        VirtualScreen v = new VirtualScreen(80, 24);
        AtomicReference<Throwable> failed = new AtomicReference<>();
        LiveTraining[] live = new LiveTraining[1];
        TrainPanel panel = paused(session, v, failed, live);
        Thread training = new Thread(() -> live[0].run(0, () -> false));
        training.start();
        try {
            assertTrue(drawWithin(panel));
            assertEquals(30, shownUpdate(v.terminal));
            String small = screen(v.terminal);
            assertTrue(small.contains("loss of each batch"), small);
            assertTrue(small.contains("layer |grad|"), small);
            assertTrue(v.row(23).startsWith("space pause"), v.row(23));
            assertTrue(v.row(23).contains("p more: "), "the panes without room are named: " + v.row(23));
            assertFalse(small.contains("unit 0"), "no room for the units at 80x24 beside the curves");

            panel.handle(key('p'));
            panel.draw();
            String cycled = screen(v.terminal);
            assertTrue(cycled.contains("unit 0"), cycled);
            assertTrue(cycled.contains("test images wrong at the start"), cycled);

            v.terminal.setTerminalSize(new TerminalSize(200, 60));
            assertTrue(panel.turn()); // no snapshot is due: the resize alone redraws
            String large = screen(v.terminal);
            assertTrue(v.row(0).startsWith("update 30  epoch 30  loss "), v.row(0));
            assertTrue(v.row(0).endsWith("PAUSED"), "the figures fit one line at 200 columns: " + v.row(0));
            for (String pane : List.of("loss of each batch", "accuracy on each batch", "test accuracy", "layer |grad|",
                    "unit 5", "test images wrong at the start")) {
                assertTrue(large.contains(pane), pane + " is missing at 200x60:\n" + large);
            }
            assertEquals("space pause  n one update  + - lr x2 /2  q stop", v.row(59));
            v.type(key(KeyType.Escape));
            assertFalse(panel.turn(), "Esc leaves");
        } finally {
            live[0].stop();
            training.join();
        }
    }

    /** Accuracy and mean cross-entropy on {@code images}, by the reference network, image by image. */
    static double[] accuracyAndLoss(Session s, int[] images) {
        int right = 0;
        double loss = 0;
        for (int i : images) {
            double[] p = mnistshell.nn.ReferenceEngine.probabilities(s.network(), s.data(), i);
            int label = s.data().label(i);
            right += mnistshell.nn.Evaluation.argmax(p) == label ? 1 : 0;
            loss -= Math.log(p[label]);
        }
        return new double[] {(double) right / images.length, loss / images.length};
    }

    /** The panel on a large terminal after {@code updates} updates made with n, as drawn then. */
    String drawnAfter(Session session, int updates) throws Exception {
        VirtualScreen v = new VirtualScreen(200, 60);
        AtomicReference<Throwable> failed = new AtomicReference<>();
        LiveTraining[] live = new LiveTraining[1];
        TrainPanel panel = paused(session, v, failed, live);
        Thread training = new Thread(() -> live[0].run(0, () -> false));
        training.start();
        try {
            for (int i = 0; i < updates; i++) {
                live[0].stepOnce();
            }
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (shownUpdate(v.terminal) != updates && System.nanoTime() < deadline) {
                clock.addAndGet(FRAME);
                drawWithin(panel);
            }
            assertEquals(updates, shownUpdate(v.terminal), screen(v.terminal));
            return screen(v.terminal);
        } finally {
            live[0].stop();
            training.join();
        }
    }

    @Test
    void withAValidationSetThePanelShowsValidationAccuracyAndLossNeverTest() throws Exception {
        Session session = PanelData.session();
        session.resplit(10, 15, 3);
        String shown = drawnAfter(session, 3);
        double[] val = accuracyAndLoss(session, session.split().val());
        String figures = shown.lines().findFirst().orElseThrow();
        assertTrue(figures.contains(String.format("  val %.2f%%  ", 100 * val[0])), figures);
        assertTrue(figures.contains("  val loss " + mnistshell.render.Numbers.compact(val[1]) + "  "), figures);
        assertTrue(shown.contains("val accuracy"), shown);
        assertTrue(shown.contains("val images wrong at the start"), shown);
        assertFalse(shown.contains("test"), "the test images stay unseen while tuning:\n" + shown);
    }

    @Test
    void withoutAValidationSetThePanelShowsTestAccuracyLabelledTest() throws Exception {
        Session session = PanelData.session();
        String shown = drawnAfter(session, 2);
        double[] test = accuracyAndLoss(session, session.split().test());
        String figures = shown.lines().findFirst().orElseThrow();
        assertTrue(figures.contains(String.format("  test %.2f%%  ", 100 * test[0])), figures);
        assertFalse(shown.contains("val"), shown);
        assertTrue(shown.contains("test accuracy"), shown);
        assertTrue(shown.contains("test images wrong at the start"), shown);
    }

    @Test
    void framesCostingMoreThanAShareOfTheirIntervalAreSpacedFurther() {
        assertEquals(FRAME, TrainPanel.frameInterval(0));
        assertEquals(FRAME, TrainPanel.frameInterval(FRAME / TrainPanel.COST_SHARE), "4 ms in 100: still ten a second");
        assertEquals(250_000_000L, TrainPanel.frameInterval(10_000_000L), "a 10 ms frame: four a second");
        assertEquals(500_000_000L, TrainPanel.frameInterval(400_000_000L), "never less than twice a second");
    }
}
