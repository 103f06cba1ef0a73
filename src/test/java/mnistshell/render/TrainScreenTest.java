package mnistshell.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The train panel's text, without a terminal: what fits where at 80x24 and 200x60. */
class TrainScreenTest {

    /** A 784-10-10 network after {@code n} updates, a setting changed before update 3 (position 2). */
    static TrainScreen.Frame frame(int n) {
        double[] loss = new double[n];
        double[] acc = new double[n];
        double[] test = new double[n];
        for (int i = 0; i < n; i++) {
            loss[i] = 2.0 / (i + 1);
            acc[i] = 0.1 + 0.8 * i / n;
            test[i] = i % 2 == 0 ? acc[i] : Double.NaN;
        }
        List<double[]> units = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            double[] w = new double[784];
            w[k * 70] = 1;
            w[k * 70 + 1] = -1;
            units.add(w);
        }
        List<TrainScreen.Digit> digits = new ArrayList<>();
        for (int d = 0; d < 8; d++) {
            digits.add(new TrainScreen.Digit(d, new int[784], d, d % 3 == 0 ? d : 5, 0.42));
        }
        List<TrainScreen.Layer> layers = List.of(
                new TrainScreen.Layer("W1", new double[] {1, 0.5, 0.25}, new double[] {1e-3, 2e-3, 4e-3}, new double[] {0.5}),
                new TrainScreen.Layer("W2", new double[] {0.3}, new double[] {1e-3}, new double[0]));
        List<String> figures = List.of("update " + n, "epoch " + n, "loss 0.5000", "batch 90.00%", "test 80.00%",
                "12 updates/s", "3.0 s", "lr 0.2", "running");
        return new TrainScreen.Frame(figures, loss, acc, test, "test", new int[] {2}, "from update 3: lr = 0.2", layers,
                List.of("dW1: vanishing: under 1e-07 of |W1| on each of the last 5 updates"), units, digits, 28, 28, null);
    }

    static void assertFits(TrainScreen.Text t, int cols, int rows) {
        assertEquals(rows, t.lines().size());
        for (String line : t.lines()) {
            assertTrue(line.length() <= cols, line.length() + " > " + cols + ": " + line);
        }
    }

    @Test
    void at80By24TheFiguresTheCurvesAndTheLayersShowAndTheRestWaitsForP() {
        TrainScreen.Text t = TrainScreen.render(frame(40), 80, 24, 0);
        assertFits(t, 80, 24);
        assertEquals("update 40  epoch 40  loss 0.5000  batch 90.00%  test 80.00%  12 updates/s  3.0 s",
                t.lines().get(0), "as many figures as fit 80 columns, two spaces apart");
        assertEquals("lr 0.2  running", t.lines().get(1));
        assertEquals(List.of(TrainScreen.UNITS, TrainScreen.DIGITS), t.hidden());
        assertEquals("space pause  n one update  + - lr x2 /2  q stop  p more: units, digits", t.lines().get(23));
        assertTrue(t.lines().contains("warning: dW1: vanishing: under 1e-07 of |W1| on each of the last 5 updates"));
        TrainScreen.Text cycled = TrainScreen.render(frame(40), 80, 24, TrainScreen.PANES.indexOf(TrainScreen.UNITS));
        assertFits(cycled, 80, 24);
        // units 9 rows and digits 9 of the 21 between the figures and the keys: no room for curves (11) nor layers (4)
        assertEquals(List.of(TrainScreen.CURVES, TrainScreen.LAYERS), cycled.hidden());
    }

    @Test
    void theMarkSitsUnderTheFirstUpdateTheChangeAppliedTo() {
        TrainScreen.Text t = TrainScreen.render(frame(20), 80, 24, 0);
        String axis = t.lines().stream().filter(l -> l.contains("└")).findFirst().orElseThrow();
        int origin = axis.indexOf('└');
        // 20 points in a chart with room for 29: a column per update, position 2 the third column
        assertEquals('^', axis.charAt(origin + 1 + 2), axis);
        assertEquals(1, axis.substring(0, axis.indexOf("└", origin + 1) < 0 ? axis.length()
                : axis.indexOf("└", origin + 1)).chars().filter(c -> c == '^').count(), axis);
        assertTrue(t.lines().contains("^ from update 3: lr = 0.2"));
    }

    /** The charts' x axes carry update numbers: the first and last update of the series, wherever it starts. */
    @Test
    void theChartsAxesAreTickedWithUpdateNumbers() {
        TrainScreen.Frame f = frame(40);
        TrainScreen.Frame later = new TrainScreen.Frame(f.figures(), f.loss(), f.batchAccuracy(), f.heldOutAccuracy(),
                f.heldOut(), f.marks(), f.legend(), f.layers(), f.warnings(), f.units(), f.digits(), f.pictureRows(),
                f.pictureCols(), f.message(), 501);
        for (TrainScreen.Frame frame : List.of(f, later)) {
            TrainScreen.Text t = TrainScreen.render(frame, 80, 24, 0);
            assertFits(t, 80, 24);
            int axis = 0;
            while (!t.lines().get(axis).contains("└")) {
                axis++;
            }
            String ticks = t.lines().get(axis + 1);
            String first = Integer.toString(frame.firstUpdate());
            String last = Integer.toString(frame.firstUpdate() + frame.loss().length - 1);
            assertTrue(ticks.trim().startsWith(first + " "), ticks);
            assertTrue(ticks.contains(" " + last), ticks);
        }
    }

    @Test
    void at200By60EveryPaneShowsAndTheFiguresTakeOneLine() {
        TrainScreen.Text t = TrainScreen.render(frame(500), 200, 60, 0);
        assertFits(t, 200, 60);
        assertTrue(t.hidden().isEmpty(), t.hidden().toString());
        assertEquals(4, t.panes().size());
        assertTrue(t.lines().get(0).endsWith("lr 0.2  running"), t.lines().get(0));
        assertTrue(t.lines().get(1).startsWith("loss of each batch"), t.lines().get(1));
        assertTrue(t.lines().get(1).contains("accuracy on each batch") && t.lines().get(1).contains("test accuracy"),
                "three charts side by side: " + t.lines().get(1));
        String captions = String.join("\n", t.lines());
        assertTrue(captions.contains("0 ok 42%") && captions.contains("1 as 5 42%"), captions);
        assertTrue(captions.contains("unit 0") && captions.contains("unit 5"), captions);
    }

    @Test
    void aTinyTerminalStillGetsExactlyItsSize() {
        assertFits(TrainScreen.render(frame(3), 40, 10, 0), 40, 10);
        assertFits(TrainScreen.render(frame(0), 20, 3, 1), 20, 3);
    }

    @Test
    void figuresArePackedGreedily() {
        assertEquals(List.of("aaa  bb", "cccc"), TrainScreen.pack(List.of("aaa", "bb", "cccc"), 8));
        assertEquals(List.of("aaa  bb  c"), TrainScreen.pack(List.of("aaa", "bb", "c"), 10));
    }

    @Test
    void testAccuracyHoldsBetweenMeasurements() {
        assertArrayEquals(new double[] {Double.NaN, 0.5, 0.5, 0.7, 0.7},
                TrainScreen.forwardFilled(new double[] {Double.NaN, 0.5, Double.NaN, 0.7, Double.NaN}));
    }

    @Test
    void sparklinesRunFromTheLowestToTheHighestShown() {
        // (v - lo) / (hi - lo) * 7 rounded: 0, 3.5 -> 4, 7 of the eight blocks
        assertEquals("▁▅█", Sparkline.of(new double[] {1, 2, 3}, 3, false));
        assertEquals("▁▅█", Sparkline.of(new double[] {1e-3, 1e-2, 1e-1}, 3, true), "decades on a log scale");
        assertEquals("▁█", Sparkline.of(new double[] {100, 1, 3}, 2, false), "only the last values");
        assertEquals("▄ ▄", Sparkline.of(new double[] {2, Double.NaN, 2}, 5, false));
    }
}
