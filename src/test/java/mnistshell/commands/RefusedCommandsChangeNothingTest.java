package mnistshell.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import mnistshell.nn.Tensor;
import mnistshell.session.Session;
import mnistshell.errors.ShellError;
import mnistshell.shell.ShellFixture;
import mnistshell.train.BatchOrder;
import mnistshell.train.History;
import mnistshell.train.GradientDescent;
import mnistshell.train.Optimizer;
import mnistshell.train.Training;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * A command that is refused changes nothing: every argument is checked, against its range, before
 * any work starts. The state compared is everything a command could touch, the weights and the
 * optimizer's arrays bit for bit.
 */
class RefusedCommandsChangeNothingTest {

    final ShellFixture f = new ShellFixture(false);

    void run(String line) {
        f.shell.execute(line, () -> false);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "step 3 junk", "step 3 --fast", "step 99999999999", "step 0", "step -1", "step 1.5",
        "epoch -1", "epoch 2 junk", "epoch 99999999999",
        "init 784-0-10", "init 784-99999999999-10", "init 784", "init 784-10-10 --seed 99999999999999999999",
        "init 784-10-10 --slope nan", "init 784-10-10 --act relu --slope 0.1", "init 784-10-10 --act swish",
        "set batch 2147483648", "set batch 0", "set report-every 99999999999", "set report-every -1",
        "set threads 0", "set threads 100000", "set lr -1", "set lr nan", "set lr inf", "set lr 1e400",
        "set momentum 2", "set beta2 1", "set eps 0", "set l2 -0.1", "set schedule step 0 0.5",
        "set schedule step 99999999999 0.5", "set schedule step 10 1.5", "set schedule cosine 5 nan",
        "set optimizer sgd", "set lr 0.1 0.2", "set nonsense 1",
        "data split --test 99999", "data split --test 10 --seed 99999999999999999999", "data split --test x",
        "data normalize maybe", "gradcheck --samples 1000", "gradcheck --samples 0",
        "errors --limit 0", "errors --label 10", "show 300", "show -1", "predict 99999", "predict drawn:0",
        "expect loss < nan", "weights W1 --neuron 10", "view weights 3", "bench --runs 0"
    })
    void aRefusedCommandLeavesTheSessionAsItWas(String line) {
        run("set optimizer adam; set batch 32; step 3");
        State before = State.of(f.session);
        ShellError e = assertThrows(ShellError.class, () -> run(line));
        assertTrue(!e.isInternal(), line + " is refused as the user's mistake, not a bug: " + e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertEquals(before, State.of(f.session), line);
    }

    @Test
    void aReportEveryThatPassesTheCounterIsRefusedAndTheLargestOneStillTrains() {
        // Before: set took 99999999999 and the next step failed after one update had been made.
        assertThrows(ShellError.class, () -> run("set report-every 99999999999"));
        run("set report-every 2147483647; step 3");
        assertEquals(3, f.session.iteration());
    }

    @Test
    void stepAndEpochRefuseToTakeTheUpdateCountPastItsLargestValue() {
        Session s = f.session;
        Training near = new Training(s.network(), s.training().settings(),
                new Optimizer(new GradientDescent(), s.network().tensors()), new BatchOrder(1), new History(), Integer.MAX_VALUE - 2);
        s.restore(s.network(), s.initialisation(), s.initSeed(), near);
        State before = State.of(s);
        ShellError e = assertThrows(ShellError.class, () -> run("step 3"));
        assertTrue(e.getMessage().contains("past 2147483647"), e.getMessage());
        assertThrows(ShellError.class, () -> run("epoch 3"));
        assertEquals(before, State.of(s));
        run("step 2");
        assertEquals(Integer.MAX_VALUE, s.iteration());
    }

    /** What a command could change, comparable: weights and optimizer state as raw bits. */
    record State(List<String> arrays, String counters, String settings, String split, String data) {

        static State of(Session s) {
            List<String> arrays = new ArrayList<>();
            for (Tensor t : s.network().tensors()) {
                arrays.add(t.name() + bits(t.values()));
            }
            for (double[][] a : s.training().optimizer().state()) {
                arrays.add(bits(a));
            }
            Training t = s.training();
            String counters = s.network().architecture() + " " + t.updates() + " " + t.epoch() + " "
                    + t.order().position() + " " + t.optimizer().updates() + " " + t.history().points().size()
                    + " " + t.history().changes().size() + " " + s.initSeed();
            return new State(arrays, counters, t.settings().asMap().toString(),
                    Arrays.toString(s.split().train()) + Arrays.toString(s.split().test()),
                    s.data().source() + s.data().size() + s.data().normalized() + s.drawn().size());
        }

        private static String bits(double[][] a) {
            StringBuilder s = new StringBuilder();
            for (double[] row : a) {
                for (double v : row) {
                    s.append(Long.toHexString(Double.doubleToRawLongBits(v))).append(',');
                }
            }
            return s.toString();
        }
    }
}
