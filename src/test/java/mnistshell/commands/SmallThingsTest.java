package mnistshell.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import mnistshell.errors.ShellError;
import mnistshell.shell.ScriptRunner;
import mnistshell.shell.ShellFixture;
import org.junit.jupiter.api.Test;

/** What a shell user expects: clear, threads above the cores, a cosine floor under lr, errors that cannot be. */
class SmallThingsTest {

    private static String run(ShellFixture f, String line) {
        f.outBytes.reset();
        new ScriptRunner(f.shell, () -> false).runInline(line);
        return f.out();
    }

    private static String refused(ShellFixture f, String line) {
        return assertThrows(ShellError.class, () -> run(f, line)).getMessage();
    }

    @Test
    void clearClearsAtThePromptAndPrintsNothingElsewhere() {
        assertEquals("\u001b[H\u001b[2J\u001b[3J", run(new ShellFixture(true), "clear"));
        assertEquals("", run(new ShellFixture(false), "clear"));
    }

    @Test
    void moreThreadsThanCoresAreAllowedWithANote() {
        ShellFixture f = new ShellFixture(false);
        int cores = Runtime.getRuntime().availableProcessors();
        String out = run(f, "set threads " + (cores + 1));
        assertEquals(cores + 1, f.session.training().settings().threads());
        assertTrue(out.contains("note: " + (cores + 1) + " threads on " + cores + " cores"), out);
        assertTrue(!run(f, "set threads 1").contains("note"));
    }

    @Test
    void aCosineFloorAboveTheLearningRateIsRefusedWhicheverComesLast() {
        ShellFixture f = new ShellFixture(false);
        assertEquals("set schedule: FLOOR 0.5 is above lr 0.1", refused(f, "set schedule cosine 100 0.5"));
        assertEquals("constant", f.session.training().settings().value("schedule"));
        run(f, "set schedule cosine 100 0.05");
        assertEquals("set lr: 0.01 is below the cosine schedule's FLOOR 0.05", refused(f, "set lr 0.01"));
        assertEquals(0.1, f.session.training().settings().lr());
        run(f, "set schedule cosine 100 0.1"); // a floor equal to lr: a constant rate, allowed
    }

    @Test
    void errorsForTheSameLabelAndPredictionSaysItAsksForCorrectAnswers() {
        ShellFixture f = new ShellFixture(false);
        assertEquals("errors: --label 1 --pred 1 asks for correct answers, not mistakes",
                refused(f, "errors --label 1 --pred 1"));
    }

    @Test
    void helpShowIsAWholeSentence() {
        ShellFixture f = new ShellFixture(false);
        String summary = run(f, "help show").lines().skip(1).findFirst().orElseThrow();
        assertEquals("show image N (0-based, file order) as ASCII art, with what the network predicts", summary);
    }
}
