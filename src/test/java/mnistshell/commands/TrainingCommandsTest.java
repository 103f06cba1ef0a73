package mnistshell.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import mnistshell.nn.Network;
import mnistshell.errors.ShellError;
import mnistshell.shell.ShellFixture;
import mnistshell.train.Settings;
import org.junit.jupiter.api.Test;

/** init, set, step and epoch as a user types them. */
class TrainingCommandsTest {

    final ShellFixture f = new ShellFixture(false);

    void run(String line) {
        f.shell.execute(line, () -> false);
    }

    ShellError refused(String line) {
        return assertThrows(ShellError.class, () -> run(line));
    }

    @Test
    void initBuildsTheNetworkAsked() {
        run("init 784-16-8-10 --act tanh --init xavier --seed 5");
        Network net = f.session.network();
        assertEquals("784-16-8-10", net.architecture());
        assertEquals("tanh", net.hidden().name());
        assertTrue(f.out().contains("(12786 parameters)"), f.out()); // 784*16+16 = 12560, 16*8+8 = 136, 8*10+10 = 90
    }

    @Test
    void initRefusesAnInputSizeThatIsNotTheDatasAndKeepsTheOldNetwork() {
        run("step 2");
        Network before = f.session.network();
        ShellError e = refused("init 100-10-10");
        assertTrue(e.getMessage().contains("input size 100") && e.getMessage().contains("784"), e.getMessage());
        assertEquals(before, f.session.network());
        assertEquals(2, f.session.iteration());
        assertTrue(refused("init 784-10-7").getMessage().contains("10 units"));
        assertTrue(refused("init 784-x-10").getMessage().startsWith("init: layer 2 of SPEC must be an integer from 1 to"));
        assertTrue(refused("init --act swish").getMessage().contains("unknown activation 'swish'"));
        assertTrue(refused("init --act relu --slope 0.1").getMessage().contains("--slope"));
    }

    @Test
    void setValidatesAndListsEverySetting() {
        assertTrue(refused("set lr -1").getMessage().startsWith("set lr: must be a number greater than 0"));
        assertTrue(refused("set batch 0").getMessage().startsWith("set batch:"));
        run("set batch 32");
        assertTrue(f.out().contains("batch = 32 (from update 1)"), f.out());
        run("set");
        for (String key : Settings.keys()) {
            assertTrue(f.out().contains("  " + key + " "), "lists " + key);
        }
        assertTrue(f.out().contains("before update 1: batch = 32"), f.out());
    }

    @Test
    void epochPassesOverTheTrainingSetInMiniBatches() {
        run("set batch 100"); // 250 training images: 3 updates an epoch
        run("epoch 2");
        assertEquals(6, f.session.iteration());
        assertTrue(f.out().contains("update 6 (epoch 2): loss "), f.out());
    }

    @Test
    void reportEveryPrintsProgressLinesWithoutATerminal() {
        run("set report-every 2");
        run("step 5");
        String out = f.out();
        assertTrue(out.contains("update 2 (epoch 2): batch loss"), out);
        assertTrue(out.contains("update 4 (epoch 4): batch loss"), out);
        assertTrue(out.contains("update 5 (epoch 5): loss"), out);
    }

    @Test
    void predictReachesADrawnImageAndComputesItsProbabilitiesDirectly() {
        byte[] stroke = new byte[784];
        for (int p = 14 * 28 + 5; p < 14 * 28 + 23; p++) {
            stroke[p] = (byte) 255; // a horizontal bar across the middle
        }
        int n = f.session.drawn().add(stroke);
        run("predict drawn:" + n);
        double[] p = f.session.probabilities(stroke);
        int best = mnistshell.nn.Evaluation.argmax(p);
        assertTrue(f.out().startsWith("drawn:" + n + " (drawn, no label): predicted " + best), f.out());
        assertTrue(refused("predict drawn:" + (n + 1)).getMessage().contains("drawn:N must be an integer from 0 to " + n));
    }

    @Test
    void predictReachesAnImageOfTheUnlabelledSet() {
        byte[] pixels = java.util.Arrays.copyOfRange(f.session.data().pixels(), 5 * 784, 7 * 784); // images 5, 6
        f.session.setUnlabelled(new mnistshell.data.UnlabelledSet("test.csv", 28, 28, pixels));
        run("predict unlabelled:1");
        int best = mnistshell.nn.Evaluation.argmax(
                mnistshell.nn.ReferenceEngine.probabilities(f.session.network(), f.session.data(), 6));
        assertTrue(f.out().startsWith("unlabelled:1 (unlabelled, no label): predicted " + best), f.out());
        assertTrue(refused("predict unlabelled:2").getMessage().contains("unlabelled:N must be an integer from 0 to 1, found 'unlabelled:2'"));
    }

    @Test
    void theSummaryLineFitsEightyColumns() {
        run("step 3");
        String line = f.out().lines().filter(l -> l.startsWith("update 3 ")).findFirst().orElseThrow();
        assertTrue(line.length() <= 80, line);
        assertTrue(line.matches("update 3 \\(epoch 3\\): loss [0-9.]+, train [0-9.]+%, test [0-9.]+%, [0-9.]+ s, [0-9]+/s"),
                line);
    }

    @Test
    void benchTimesACopyAndLeavesTheSessionAsItWas() {
        run("step 1");
        double[] before = f.session.network().tensors().get(0).values()[3].clone();
        run("bench --runs 2 --updates 2");
        assertTrue(f.out().contains("2 runs of 2 updates") && f.out().contains("ms/update"), f.out());
        assertEquals(1, f.session.iteration());
        org.junit.jupiter.api.Assertions.assertArrayEquals(before, f.session.network().tensors().get(0).values()[3]);
        assertEquals(1, f.session.training().history().points().size());
    }

    @Test
    void aBlowUpIsAnErrorThatStopsACommandFile() {
        run("set lr 1e300");
        run("set l2 1e300");
        ShellError e = refused("step 3; eval");
        assertTrue(e.getMessage().startsWith("update 1 diverged: W1 became NaN or infinite"), e.getMessage());
        assertEquals(0, f.session.iteration());
    }

    @Test
    void afterADivergenceEveryNumberShownIsFiniteAndReadableAndTheSavedSessionLoads(@org.junit.jupiter.api.io.TempDir
                                                                                      java.nio.file.Path dir) {
        run("set lr 1000");
        ShellError e = refused("step 100");
        assertTrue(e.getMessage().contains(" diverged: "), e.getMessage());
        int kept = f.session.iteration();
        f.outBytes.reset();
        run("eval; weights; grads; weights W2; grads db2; history");
        String shown = f.out();
        assertTrue(!shown.contains("NaN") && !shown.contains("Infinity"), shown);
        shown.lines().forEach(line -> assertTrue(line.length() <= 80, "over 80 columns: " + line));
        f.shell.setModelsDirectory(dir);
        run("save diverged; init; load diverged");
        assertEquals(kept, f.session.iteration());
    }

    @Test
    void withDivergeOffHugeLossesAreStillPrintedReadably() {
        run("set lr 1000; set diverge off");
        refused("step 200");
        f.outBytes.reset();
        run("eval; history");
        f.out().lines().forEach(line -> assertTrue(line.length() <= 80, "over 80 columns: " + line));
    }
}
