package mnistshell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Pixels to characters by the ramp rule: 0 blank, 255 the darkest '@', 1 the lightest mark '.'. */
class AsciiDigitTest {

    @Test
    void eachPixelIsTwoCharactersOfItsShade() {
        int[] grey = {0, 255, 1, 0, 0, 255};
        List<String> lines = AsciiDigit.lines(grey, 2, 3);
        assertEquals(List.of("  @@..", "    @@"), lines);
    }

    @Test
    void theRampGetsDarkerWithInkAndUsesAllTenSteps() {
        String ramp = " .:-=+*#%@";
        for (int step = 1; step < ramp.length(); step++) {
            // the lightest value of each step is one past the last of the previous: 1 + 255*(step-1)/9 rounded up
            int first = 1 + (int) Math.ceil(255.0 * (step - 1) / 9);
            assertEquals(ramp.charAt(step), AsciiDigit.shade(first), "value " + first);
        }
    }

    @Test
    void halvingAveragesTwoByTwoBlocks() {
        int[] grey = {
            255, 255, 0, 0,
            255, 255, 0, 100,
            10, 20, 0, 0,
        };
        int[] half = AsciiDigit.halve(grey, 3, 4);
        // blocks: full ink; one 100 among four; the odd last row averages its two pixels
        assertEquals(List.of(255, 25, 15, 0), java.util.Arrays.stream(half).boxed().toList());
    }
}
