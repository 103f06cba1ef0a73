package mnistshell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Log-scale dot charts with a guide line and update ticks, worked out by hand. */
class LogChartTest {

    @Test
    void eachValueSitsInTheRowOfItsDecadeAndTheGuideHasItsOwn() {
        // decades 1e-4 to 1e0 over 4 rows: a row per decade; 1e-3 lies in row 1 (from the bottom)
        double[] values = {1e-4 * 1.5, 1e-3 * 2, 1e-2 * 3, 0.5};
        List<String> lines = LogChart.render(values, new int[] {1, 2, 3, 4}, new int[] {2}, 10, 4, 1e-3);
        assertEquals(List.of(
                " 1e0 ┤   •",
                "     ┤  •",
                "1e-3 ┤·•··",
                "1e-4 ┤•",
                "     └┬─^┬",
                "      1  4"), lines);
    }

    @Test
    void zeroAndNaNLeaveTheirColumnEmpty() {
        List<String> lines = LogChart.render(new double[] {0.1, 0, Double.NaN, 0.1}, new int[] {5, 6, 7, 8},
                new int[0], 10, 2, Double.NaN);
        assertEquals(" 1e0 ┤", lines.get(0), "labels right-aligned");
        assertEquals("1e-1 ┤•  •", lines.get(1));
    }

    @Test
    void manyUpdatesAreAveragedAndTheTicksNameUpdates() {
        double[] values = new double[1000];
        int[] updates = new int[1000];
        for (int i = 0; i < 1000; i++) {
            values[i] = 1e-3;
            updates[i] = i + 1;
        }
        List<String> lines = LogChart.render(values, updates, new int[0], 50, 3, 1e-3);
        String ticks = lines.get(lines.size() - 1);
        // columns of 20 updates: the middle column (25) starts at update 501, the last ends at 1000
        assertTrue(ticks.trim().matches("1 +501 +1000"), ticks);
        assertTrue(ticks.endsWith("1000") && ticks.length() == lines.get(0).indexOf('┤') + 1 + 50, ticks);
    }
}
