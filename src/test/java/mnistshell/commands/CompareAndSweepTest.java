package mnistshell.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import mnistshell.errors.ShellError;
import mnistshell.nn.Evaluation;
import mnistshell.nn.Network;
import mnistshell.nn.ReferenceEngine;
import mnistshell.render.Numbers;
import mnistshell.shell.ShellFixture;
import org.junit.jupiter.api.Test;

/** compare's table and differing settings, and sweep against the same forks made by hand. */
class CompareAndSweepTest {

    final ShellFixture f = new ShellFixture(false);

    String run(ShellFixture s, String line) {
        s.outBytes.reset();
        s.shell.execute(line, () -> false);
        return s.out();
    }

    static double accuracy(ShellFixture s, Network net, int[] images) {
        int right = 0;
        for (int i : images) {
            right += Evaluation.argmax(ReferenceEngine.probabilities(net, s.session.data(), i))
                    == s.session.data().label(i) ? 1 : 0;
        }
        return (double) right / images.length;
    }

    @Test
    void compareShowsEachRunAndTheSettingsInWhichTheyDiffer() {
        run(f, "data split --test 40 --val 30; step 2; fork fast; set lr 0.5; step 3");
        String out = run(f, "compare");
        List<String> lines = out.lines().toList();
        assertTrue(lines.get(0).matches("run +updates +loss +train +val +test +best +at"), out);
        for (String name : List.of("fast", "main")) {
            Network net = f.session.networkOf(name);
            String val = Numbers.percent(accuracy(f, net, f.session.split().val()));
            String test = Numbers.percent(accuracy(f, net, f.session.split().test()));
            int updates = name.equals("fast") ? 5 : 2;
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(name + " ") && l.contains(" " + updates + " ")
                    && l.contains(val) && l.contains(test)), name + "\n" + out);
        }
        assertTrue(lines.contains("lr: fast 0.5, main 0.1"), out);
        assertTrue(lines.stream().allMatch(l -> l.length() <= 80), out);
        assertThrows(ShellError.class, () -> run(f, "compare nosuch"));
    }

    @Test
    void sweepEqualsTheSameForksMadeByHand() {
        run(f, "set optimizer momentum; data split --test 40 --val 30; step 2");
        String out = run(f, "sweep lr 0.05,0.3 --steps 4");
        assertEquals("main", f.session.runName(), "the run swept from stays current");
        assertEquals(List.of("lr-0.05", "lr-0.3", "main"), f.session.runNames());
        assertTrue(out.contains("lr: lr-0.05 0.05, lr-0.3 0.3"), out);
        ShellFixture g = new ShellFixture(false);
        run(g, "set optimizer momentum; data split --test 40 --val 30; step 2");
        run(g, "fork a; set lr 0.05; step 4; switch main; fork b; set lr 0.3; step 4");
        EarlyStopTest.assertSame(weightsOf(g, "a"), weightsOf(f, "lr-0.05"));
        EarlyStopTest.assertSame(weightsOf(g, "b"), weightsOf(f, "lr-0.3"));
        EarlyStopTest.assertSame(weightsOf(g, "main"), weightsOf(f, "main"));
    }

    @Test
    void aBadSweepValueIsRefusedBeforeAnyFork() {
        assertThrows(ShellError.class, () -> run(f, "sweep lr 0.1,-1 --steps 2"));
        assertEquals(List.of("main"), f.session.runNames());
        assertThrows(ShellError.class, () -> run(f, "sweep lr 0.1 --steps 2 --epochs 1"));
    }

    /** Values are split at commas, as help sweep says: a thousand is 1_000 or 1e3 there. */
    @Test
    void sweepValuesAreSplitAtCommasSoAThousandIsWrittenWithoutOne() {
        assertTrue(run(f, "help sweep").contains("never 1,000"));
        run(f, "sweep batch 1_000,1e3 --steps 1");
        assertEquals(java.util.Set.of("main", "batch-1_000", "batch-1e3"), java.util.Set.copyOf(f.session.runNames()));
        for (String name : List.of("batch-1_000", "batch-1e3")) {
            run(f, "switch " + name);
            assertEquals(1000, f.session.training().settings().batch(), name);
        }
    }

    @Test
    void ctrlCStopsTheSweepAfterTheUpdateInProgressAndKeepsTheRunsMade() {
        String setup = "set optimizer momentum; data split --test 40 --val 30; step 2";
        run(f, setup);
        int[] asked = {0};
        f.shell.execute("sweep lr 0.05,0.3,0.5 --steps 40", () -> ++asked[0] > 12); // Ctrl-C, a few updates in
        assertEquals("main", f.session.runName(), "back on the run swept from");
        assertEquals(List.of("lr-0.05", "main"), f.session.runNames(), "stopped in its first run, which is kept");
        int made = f.session.trainingOf("lr-0.05").updates();
        assertTrue(made > 2 && made < 42, "updates " + made);
        ShellFixture g = new ShellFixture(false);
        run(g, setup + "; fork a; set lr 0.05; step " + (made - 2));
        EarlyStopTest.assertSame(weightsOf(g, "a"), weightsOf(f, "lr-0.05"));
        assertEquals(2, f.session.trainingOf("main").updates(), "the run swept from is as it was");
    }

    static List<double[][]> weightsOf(ShellFixture s, String run) {
        if (!s.session.runName().equals(run)) {
            s.shell.execute("switch " + run, () -> false);
        }
        return EarlyStopTest.weights(s);
    }
}
