package mnistshell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The units pane of the train panel with a conv net's first filters: k x k pictures called filters. */
class TrainScreenFiltersTest {

    /** {@link TrainScreenTest#frame}'s frame with 8 filters of 5x5 as its units, filter f's weight f at +1. */
    static TrainScreen.Frame withFilters() {
        TrainScreen.Frame f = TrainScreenTest.frame(40);
        List<double[]> filters = new ArrayList<>();
        for (int k = 0; k < 8; k++) {
            double[] w = new double[25];
            w[k] = 1;
            w[24 - k] = -1;
            filters.add(w);
        }
        return new TrainScreen.Frame(f.figures(), f.loss(), f.batchAccuracy(), f.heldOutAccuracy(), f.heldOut(),
                f.marks(), f.legend(), f.layers(), f.warnings(), filters, f.digits(), f.pictureRows(), f.pictureCols(),
                f.message(), f.firstUpdate(), 5, 5);
    }

    @Test
    void filtersAreDrawnAtTheirOwnSizeAndCalledSo() {
        TrainScreen.Frame f = withFilters();
        assertTrue(f.filters());
        assertFalse(TrainScreenTest.frame(40).filters(), "784 weights a unit, the digits' 28x28: units");
        List<String> pane = TrainScreen.units(f, 80, 14);
        // each 5x5 filter 10 characters wide: (80 + 2) / 12 = 6 of the 8 fit one row
        assertEquals("first-layer filters 6 of 8: 5x5 weights (+ positive, - negative)", pane.get(0));
        assertEquals("##" + " ".repeat(8), pane.get(1).substring(0, 10), "filter 0: +1 at its first weight");
        assertTrue(pane.stream().anyMatch(l -> l.contains("filter 5")), pane.toString());
        assertEquals(1 + 5 + 1, pane.size(), "a header, 5 lines of pictures, a line of captions");
        // the digits keep their own size
        TrainScreen.Text t = TrainScreen.render(f, 200, 60, 0);
        t.lines().forEach(l -> assertTrue(l.length() <= 200, l));
        assertTrue(t.lines().stream().anyMatch(l -> l.startsWith("first-layer filters 8 of 8")), String.join("\n", t.lines()));
    }
}
