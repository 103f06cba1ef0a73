package mnistshell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Ratios read one way, in scientific notation at any size; shares are percentages. */
class RatioTest {

    @Test
    void ratiosAreScientificAtAnySize() {
        assertEquals("1.8e-2", Numbers.ratio(0.0180));
        assertEquals("2.5e-3", Numbers.ratio(0.00253));
        assertEquals("1.2e0", Numbers.ratio(1.2));
        assertEquals("0", Numbers.ratio(0));
        assertEquals("12.3%", Numbers.percent(0.123));
    }
}
