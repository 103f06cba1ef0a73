package mnistshell.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import mnistshell.nn.Activation;
import mnistshell.nn.Tensor;
import mnistshell.errors.ShellError;
import mnistshell.train.History;
import org.junit.jupiter.api.Test;

/** train without a terminal: step's output and effect, and a refusal for a run that would never end. */
class TrainCommandTest {

    /** The summary line's time and rate differ from run to run; the rest must not. */
    static String untimed(String out) {
        return out.replaceAll(", [0-9.]+ s, [0-9]+/s", ", (time)");
    }

    static void assertSameWeights(TinyWorld a, TinyWorld b) {
        List<Tensor> x = a.session.network().tensors();
        List<Tensor> y = b.session.network().tensors();
        for (int k = 0; k < x.size(); k++) {
            for (int r = 0; r < x.get(k).rows(); r++) {
                assertEquals(java.util.Arrays.toString(x.get(k).values()[r]), java.util.Arrays.toString(y.get(k).values()[r]));
            }
        }
    }

    @Test
    void trainNIsStepNWithTheSameLinesEveryReportEvery() {
        TinyWorld trained = new TinyWorld(Activation.LeakyRelu.SEED);
        TinyWorld stepped = new TinyWorld(Activation.LeakyRelu.SEED);
        trained.run("set report-every 2");
        stepped.run("set report-every 2");
        String a = trained.run("train 5");
        String b = stepped.run("step 5");
        assertEquals(untimed(b), untimed(a));
        assertEquals(3, a.lines().count(), "two report lines and the summary: " + a);
        assertSameWeights(trained, stepped);
        assertEquals(List.of("set report-every 2", "step 5"), trained.shell.commandLog());
    }

    @Test
    void trainEpochsIsEpoch() {
        TinyWorld trained = new TinyWorld(Activation.LeakyRelu.SEED);
        TinyWorld stepped = new TinyWorld(Activation.LeakyRelu.SEED);
        trained.run("set batch 3");
        stepped.run("set batch 3");
        assertEquals(untimed(stepped.run("epoch 2")), untimed(trained.run("train --epochs 2")));
        assertSameWeights(trained, stepped);
        assertEquals(4, trained.session.iteration(), "two epochs of 4 images in batches of 3");
    }

    @Test
    void withoutNAndWithoutATerminalItRefusesInOneLine() {
        TinyWorld w = new TinyWorld(Activation.LeakyRelu.SEED);
        ShellError e = assertThrows(ShellError.class, () -> w.run("train"));
        assertFalse(e.getMessage().contains("\n"));
        assertTrue(e.getMessage().startsWith("train without N runs until stopped"), e.getMessage());
        assertEquals(0, w.session.iteration());
        ShellError both = assertThrows(ShellError.class, () -> w.run("train 3 --epochs 2"));
        assertTrue(both.getMessage().contains("not both"), both.getMessage());
    }

    @Test
    void thePanelsStepsAndSetsAreLoggedSoThatTheyReplay() {
        // from update 2 to 12, the panel doubled lr at 5, halved it at 5 again, doubled it at 9
        List<History.Change> changes = List.of(new History.Change(0, "batch", "3"), new History.Change(5, "lr", "0.2"),
                new History.Change(5, "lr", "0.1"), new History.Change(9, "lr", "0.2"));
        List<String> log = new java.util.ArrayList<>();
        TrainCommand.logSteps(log::add, changes, 1, 2, 12);
        assertEquals(List.of("step 3", "set lr 0.2", "set lr 0.1", "step 4", "set lr 0.2", "step 3"), log);
    }
}
