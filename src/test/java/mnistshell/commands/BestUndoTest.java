package mnistshell.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import mnistshell.errors.ShellError;
import mnistshell.shell.ShellFixture;
import mnistshell.train.History;
import org.junit.jupiter.api.Test;

/**
 * The best weights after a divergence undo: an undone update that was a new best takes its best
 * with it, early stopping's count goes back with it, and best restore then step K equals a fresh
 * run stepped to the best update and K more.
 */
class BestUndoTest {

    static String setup(int steps) {
        return "set optimizer momentum; data split --test 40 --val 60; set early-stop 1000 --metric val-accuracy;"
                + " step " + steps;
    }

    /** The update (from 1) of the first highest accuracy among the first {@code upTo}: best keeps the earliest. */
    static int bestOf(List<History.Validation> v, int upTo) {
        int best = 0;
        for (int i = 1; i < upTo; i++) {
            best = v.get(i).accuracy() > v.get(best).accuracy() ? i : best;
        }
        return best + 1;
    }

    static void runAll(ShellFixture s, String line) {
        try {
            s.run(line);
        } catch (ShellError diverged) {
            assertTrue(diverged.getMessage().contains(" diverged: "), diverged.getMessage());
        }
    }

    @Test
    void anUndoneNewBestIsForgottenAndBestRestoreTrainsOnFromTheBestKept() {
        for (int first = 1; first <= 30; first++) {
            String lr = "30"; // from update first + 1 on: the weights it makes are bad, their loss beyond the limit
            ShellFixture a = new ShellFixture(false);
            runAll(a, setup(first) + "; set diverge 2; set lr " + lr + "; step 3");
            int kept = a.session.iteration();
            // the same updates with nothing undone: their validation accuracies say which were bests
            ShellFixture b = new ShellFixture(false);
            b.run(setup(first) + "; set diverge off; set lr " + lr + "; step 3");
            List<History.Validation> v = b.session.training().history().validations();
            boolean undoneBest = kept < first + 3 && v.get(kept).accuracy() > v.get(bestOf(v, kept) - 1).accuracy();
            if (kept < first || !undoneBest || bestOf(v, kept) == kept) {
                // nothing undone, the first update undone no new best, or the best the last kept one:
                // not the case looked for; a longer start gives other accuracies
                continue;
            }
            int best = bestOf(v, kept);
            assertEquals(kept + 1, bestOf(v, kept + 1), "update " + (kept + 1) + " was a new best, then undone");
            assertEquals(best, a.session.training().best().update(), "best points at a kept update");
            assertEquals(v.get(best - 1).accuracy(), a.session.training().best().metric());
            assertEquals(kept - best, a.session.training().best().sinceBest(), "early stopping's count goes back too");

            a.run("best restore; set lr 0.1; set diverge 1e6; step 7");
            ShellFixture c = new ShellFixture(false);
            c.run(setup(best) + "; step 7");
            EarlyStopTest.assertSame(EarlyStopTest.weights(c), EarlyStopTest.weights(a));
            assertEquals(c.session.iteration(), a.session.iteration());
            assertEquals(c.session.training().optimizer().updates(), a.session.training().optimizer().updates());
            assertEquals(c.session.training().history().points(), a.session.training().history().points());
            return;
        }
        fail("no start made an undone update a new best: the case this test is for did not occur");
    }
}
