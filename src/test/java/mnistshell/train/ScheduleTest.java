package mnistshell.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import mnistshell.errors.ShellError;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    static Schedule parse(String text) {
        return Schedule.parse(List.of(text.split(" ")));
    }

    @Test
    void constantKeepsTheBase() {
        assertEquals(0.1, parse("constant").rate(0.1, 0));
        assertEquals(0.1, parse("constant").rate(0.1, 123_456));
    }

    @Test
    void stepDecayHalvesEveryTenUpdates() {
        Schedule s = parse("step 10 0.5");
        assertEquals(0.8, s.rate(0.8, 0));
        assertEquals(0.8, s.rate(0.8, 9));
        assertEquals(0.4, s.rate(0.8, 10));
        assertEquals(0.2, s.rate(0.8, 25));
    }

    @Test
    void cosineGoesFromBaseToFloorOverThePeriod() {
        Schedule s = parse("cosine 100 0.1");
        assertEquals(1.0, s.rate(1.0, 0), 1e-15);
        assertEquals(0.1 + 0.9 / 2, s.rate(1.0, 50), 1e-15); // cos(pi/2) = 0: halfway
        assertEquals(0.1 + 0.9 * (1 + Math.cos(Math.PI / 4)) / 2, s.rate(1.0, 25), 1e-15);
        assertEquals(0.1, s.rate(1.0, 100), 1e-15);
        assertEquals(0.1, s.rate(1.0, 1000), 1e-15, "stays at the floor after the period");
    }

    @Test
    void badSchedulesAreRefused() {
        assertThrows(ShellError.class, () -> parse("step 0 0.5"));
        assertThrows(ShellError.class, () -> parse("step 10"));
        assertThrows(ShellError.class, () -> parse("cosine x"));
        assertThrows(ShellError.class, () -> parse("linear"));
    }
}
