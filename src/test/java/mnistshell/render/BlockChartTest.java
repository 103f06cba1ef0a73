package mnistshell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** BlockChart's x axis with ticks: where the ticks, the update numbers and the change marks go. */
class BlockChartTest {

    @Test
    void theAxisIsTickedAtTheFirstMiddleAndLastColumnsWithTheirUpdateNumbers() {
        double[] values = new double[10];
        int[] updates = new int[10];
        for (int i = 0; i < 10; i++) {
            values[i] = i;
            updates[i] = 101 + i;
        }
        List<String> lines = BlockChart.render(values, updates, new int[] {4}, 64, 2, v -> "x").lines().toList();
        // labels one wide: "x ┤" then a column per value; the axis starts under the ┤, at 2
        assertEquals(2 + 2, lines.size(), "two rows, the axis and the numbers");
        String axis = lines.get(2);
        assertEquals("  └" + "─".repeat(10), axis.replace('┬', '─').replace('^', '─'));
        assertEquals(3 + 4, axis.indexOf('^'), "the change before the fifth value, in the fifth column");
        int[] ticks = {3 + 0, 3 + 10 / 2, 3 + 9};
        for (int t : ticks) {
            assertEquals('┬', axis.charAt(t), "a tick at " + t + ": " + axis);
        }
        String numbers = lines.get(3);
        assertEquals(ticks[0], numbers.indexOf("101"), "the first column's update under its tick");
        assertEquals(ticks[1] - 1, numbers.indexOf("106"), "the middle column's, centred under it");
        assertEquals("110", numbers.substring(numbers.length() - 3), "the last update at the end");
        assertEquals(String.join("\n", BlockChart.render(values, new int[] {4}, 64, 2, v -> "x").lines().toList()
                .subList(0, 2)), String.join("\n", lines.subList(0, 2)), "the bars are the plain chart's");
    }

    @Test
    void aTickGivesWayToAChangeMarkInItsColumn() {
        String axis = BlockChart.render(new double[] {1, 2, 3}, new int[] {1, 2, 3}, new int[] {2}, 64, 2, v -> "x")
                .lines().toList().get(2);
        assertEquals("  └┬─^", axis, "under eight columns the ticks are the first and last; the last is the change");
    }
}
