package mnistshell.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mnistshell.shell.ShellFixture;
import org.junit.jupiter.api.Test;

/** Ctrl-C during bench: the runs that finished are reported, or that none did; never a median of nothing. */
class BenchInterruptTest {

    @Test
    void ctrlCBeforeAnyRunFinishedSaysSo() {
        ShellFixture f = new ShellFixture(false);
        f.shell.execute("bench --runs 3 --updates 1", () -> true);
        assertEquals("bench stopped: no run finished, nothing measured\n", f.out());
    }

    @Test
    void ctrlCAfterSomeRunsReportsThoseRuns() {
        ShellFixture f = new ShellFixture(false);
        long stopAt = System.nanoTime() + 2_500_000_000L; // the warm-up takes 1.5 s
        f.shell.execute("bench --runs 1000 --updates 200", () -> System.nanoTime() > stopAt);
        String out = f.out().replaceAll("\\n +", " "); // wrapped to 80 columns: joined again
        Matcher m = Pattern.compile(", (\\d+) of 1000 runs \\(stopped\\) of 200 updates:").matcher(out);
        assertTrue(m.find(), out);
        assertTrue(Integer.parseInt(m.group(1)) >= 1, out);
        assertTrue(!out.contains("Infinity") && !out.contains("NaN"), out);
    }
}
