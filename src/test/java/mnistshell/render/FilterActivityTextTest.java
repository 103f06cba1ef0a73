package mnistshell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import mnistshell.inspect.FilterActivity;
import org.junit.jupiter.api.Test;

/** What {@code activations} prints for a convolution: the dead filters named, 80 columns at most. */
class FilterActivityTextTest {

    @Test
    void aDeadFilterIsNamedAndMarked() {
        // 3 filters, 9 positions, 2 images: filter 1 dead, filter 0 active at 9 of 18, filter 2 at 18
        FilterActivity a = new FilterActivity(1, "conv3k2", "relu", 9, 2, new int[] {2, 0, 2}, new long[] {9, 0, 18});
        List<String> lines = FilterActivityText.lines(a, "training images");
        assertEquals("layer 1 conv3k2: 3 filters, relu, over 2 training images", lines.get(0));
        // (9 + 0 + 18) / (2 * 9 * 3) = 27 / 54
        assertEquals("  mean share of outputs active (above 0) per image: 50.0%", lines.get(1));
        assertEquals("  dead (<= 0 at every position of every image): 1 filter: 1", lines.get(2));
        assertEquals(4 + 3, lines.size());
        assertTrue(lines.get(4).endsWith("50.0%"), lines.get(4));
        assertTrue(lines.get(5).endsWith("0.0% dead"), lines.get(5));
        assertTrue(lines.get(6).endsWith("100.0%"), lines.get(6));
    }

    @Test
    void noneDeadAndManyDeadBothFit() {
        assertEquals("  dead (<= 0 at every position of every image): none", FilterActivityText.deadLine(List.of()));
        List<Integer> dead = new ArrayList<>();
        for (int n = 1; n <= 1200; n++) {
            dead.add(n * 3);
            String line = FilterActivityText.deadLine(dead);
            assertTrue(line.length() <= 80, line);
            assertTrue(line.contains(n + (n == 1 ? " filter: " : " filters: ")), line);
        }
        assertTrue(FilterActivityText.deadLine(dead).endsWith(", ..."));
        assertEquals("  dead (<= 0 at every position of every image): 3 filters: 4000, 4001, 4095",
                FilterActivityText.deadLine(List.of(4000, 4001, 4095)));
    }

    @Test
    void wideLayersGetNoBarsAndStillFit() {
        int filters = 4096;
        FilterActivity a = new FilterActivity(7, "conv4096k11same", "leaky-relu(0.01)", 784, 41000,
                new int[filters], new long[filters]);
        List<String> lines = FilterActivityText.lines(a, "training images");
        assertEquals(List.of("layer 7 conv4096k11same: 4096 filters, leaky-relu(0.01)", "  over 41000 training images"),
                lines.subList(0, 2), "the header too long for one line goes on two");
        assertEquals(4, lines.size());
        lines.forEach(l -> assertTrue(l.length() <= 80, l));
    }
}
