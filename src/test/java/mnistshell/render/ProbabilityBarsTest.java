package mnistshell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProbabilityBarsTest {

    @Test
    void barsAreAsLongAsTheirProbabilityAndTheLikeliestIsMarked() {
        double[] p = {0.05, 0.6, 0.0, 0.0, 0.0, 0.25, 0.0, 0.0, 0.1, 0.0};
        List<String> lines = ProbabilityBars.lines(p, 20);
        assertEquals(10, lines.size());
        assertEquals("1 ############........  60.0% <", lines.get(1));
        assertEquals(5, lines.get(5).chars().filter(c -> c == '#').count());
        assertEquals(1, lines.get(0).chars().filter(c -> c == '#').count());
        assertTrue(lines.get(8).startsWith("8 ##......"));
        assertFalse(lines.get(5).endsWith("<"));
        for (String line : lines) {
            assertEquals(lines.get(0).length(), line.length() - (line.endsWith("<") ? 2 : 0));
        }
    }
}
