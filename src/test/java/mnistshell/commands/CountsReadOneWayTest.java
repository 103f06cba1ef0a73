package mnistshell.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import mnistshell.errors.ShellError;
import mnistshell.shell.ShellFixture;
import org.junit.jupiter.api.Test;

/**
 * One rule for every count and index typed, as {@code help} says: {@code 1000}, {@code 1,000},
 * {@code 1_000} and {@code 1e3} are the same number, {@code 1,0} and {@code 2.5} are refused, by
 * every command that takes one.
 */
class CountsReadOneWayTest {

    /** Each form with N where a count or an index goes; on 300 images, 50 of them test images. */
    static final List<String> FORMS = List.of("step N", "epoch N", "errors --limit N", "gradcheck --samples N",
            "show N", "predict N", "weights W1 --neuron N", "data split --test N", "set batch N", "set report-every N",
            "set threads N", "set schedule step N 0.5", "set early-stop N", "expect step >= N", "view weights N",
            "init 784-N-10");

    @Test
    void everyCountTakesTheSameForms() {
        ShellFixture f = new ShellFixture(false);
        for (String form : FORMS) {
            // 1e0 is 1: the smallest value every one of these takes
            for (String one : List.of("1", "1e0", "1E0", "001")) {
                f.run(form.replace("N", one)); // a refusal would throw
            }
            for (String bad : List.of("1,0", "1.5", "2.5e0", "0x1", "one")) {
                ShellError e = assertThrows(ShellError.class, () -> f.run(form.replace("N", bad)), form + " with " + bad);
                assertTrue(e.getMessage().contains("found '" + bad + "'"), form + " with " + bad + ": " + e.getMessage());
            }
        }
    }

    @Test
    void groupedAndScientificCountsAreThatMany() {
        ShellFixture f = new ShellFixture(false);
        f.run("step 1,000");
        f.run("step 1_000");
        f.run("epoch 1e1");
        f.run("step 1.5e1");
        assertEquals(2000 + 10 * 1 + 15, f.session.iteration(), "full batch: one update an epoch");
    }

    @Test
    void helpSaysTheRuleItsFormsFollow() {
        String help = new ShellFixture(false).run("help");
        assertTrue(help.contains("1000, 1,000, 1_000 or 1e3 (1,0 is refused)"), help);
        for (String form : List.of("1000", "1,000", "1_000", "1e3")) {
            ShellFixture f = new ShellFixture(false);
            f.run("set report-every " + form);
            assertEquals("1000", f.session.training().settings().value("report-every"), form);
        }
    }
}
