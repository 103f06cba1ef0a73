package mnistshell.commands;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import mnistshell.errors.ShellError;
import mnistshell.nn.Tensor;
import mnistshell.shell.ShellFixture;
import mnistshell.train.History;
import org.junit.jupiter.api.Test;

/** set early-stop, best and best restore, through the shell. */
class EarlyStopTest {

    final ShellFixture f = new ShellFixture(false);

    String run(String line) {
        return f.run(line);
    }

    static List<double[][]> weights(ShellFixture s) {
        List<double[][]> out = new ArrayList<>();
        for (Tensor t : s.session.network().tensors()) {
            double[][] v = t.values();
            double[][] copy = new double[v.length][];
            for (int r = 0; r < v.length; r++) {
                copy[r] = v[r].clone();
            }
            out.add(copy);
        }
        for (double[][] a : s.session.training().optimizer().state()) {
            out.add(a);
        }
        return out;
    }

    static void assertSame(List<double[][]> a, List<double[][]> b) {
        assertEquals(a.size(), b.size());
        for (int k = 0; k < a.size(); k++) {
            for (int r = 0; r < a.get(k).length; r++) {
                assertArrayEquals(a.get(k)[r], b.get(k)[r], "array " + k + " row " + r); // exact: no tolerance
            }
        }
    }

    /**
     * The update at which a run with {@code patience} stops on {@code metrics} (one per check, at
     * updates 1, 2, ...; lower is better), worked out here by hand; 0 when it never stops.
     */
    static int stopUpdate(List<Double> metrics, int patience) {
        double best = Double.POSITIVE_INFINITY;
        int since = 0;
        for (int i = 0; i < metrics.size(); i++) {
            if (metrics.get(i) < best) {
                best = metrics.get(i);
                since = 0;
            } else if (++since == patience) {
                return i + 1;
            }
        }
        return 0;
    }

    @Test
    void theStopRuleOnAHandMadeSequence() {
        assertEquals(8, stopUpdate(List.of(0.5, 0.4, 0.45, 0.41, 0.39, 0.5, 0.6, 0.7, 0.1), 3));
        assertEquals(0, stopUpdate(List.of(0.5, 0.4, 0.3), 1));
    }

    @Test
    void stopsAtTheUpdateTheValidationLossSequenceSays() {
        // random labels: the validation loss soon stops falling
        run("data split --test 40 --val 60; set lr 2; set early-stop 2 --metric val-loss");
        String out = run("step 200");
        int stopped = f.session.iteration();
        assertTrue(stopped < 200, out);
        // the same run without early stopping: its validation losses say where the stop belongs
        ShellFixture g = new ShellFixture(false);
        g.shell.execute("data split --test 40 --val 60; set lr 2; step " + stopped, () -> false);
        List<Double> losses = g.session.training().history().validations().stream()
                .map(History.Validation::loss).toList();
        assertEquals(stopped, stopUpdate(losses, 2), losses.toString());
        int best = 0;
        for (int i = 1; i < losses.size(); i++) {
            best = losses.get(i) < losses.get(best) ? i : best;
        }
        assertTrue(out.contains("early stop after update " + stopped + ": val-loss not better for 2 checks since"
                + " update " + (best + 1)), out);
        assertEquals(best + 1, f.session.training().best().update());
        assertEquals(losses.get(best), f.session.training().best().metric());
    }

    @Test
    void bestRestoreThenStepIsTrainingOnFromTheBestUpdate() {
        for (String batch : new String[] {"full", "32"}) {
            ShellFixture a = new ShellFixture(false);
            String setup = "set optimizer adam; set batch " + batch + "; set lr 0.05; data split --test 40 --val 60";
            a.shell.execute(setup + "; step 48; best restore", () -> false);
            int best = a.session.iteration();
            assertTrue(best > 0 && best <= 48, batch);
            a.shell.execute("step 17", () -> false);
            ShellFixture b = new ShellFixture(false);
            b.shell.execute(setup + "; step " + best + "; step 17", () -> false);
            assertSame(weights(b), weights(a));
            assertEquals(b.session.training().order().position(), a.session.training().order().position());
            assertEquals(b.session.training().optimizer().updates(), a.session.training().optimizer().updates());
        }
    }

    @Test
    void bestWithoutValidationJudgesTheTestImagesAndSaysSo() {
        run("step 3");
        String out = run("best");
        assertTrue(out.startsWith("best: update "), out);
        assertTrue(out.contains("test-accuracy"), out);
        assertTrue(out.contains("note: no validation images, so judged on the test images"), out);
    }

    @Test
    void bestRestoreBeforeAnyCheckIsRefusedInOneLine() {
        ShellError e = assertThrows(ShellError.class, () -> run("best restore"));
        assertEquals(1, e.getMessage().lines().count());
        assertTrue(e.getMessage().startsWith("best restore: no best weights yet"), e.getMessage());
    }

    @Test
    void anUndoneUpdateTakesItsBestWithIt() {
        run("data split --test 40 --val 60; set lr 1e4");
        try {
            run("step 50");
        } catch (ShellError diverged) {
            assertTrue(diverged.getMessage().contains("diverged"), diverged.getMessage());
        }
        assertTrue(f.session.training().best().update() <= f.session.iteration(),
                "best " + f.session.training().best().update() + " after update " + f.session.iteration());
    }

    @Test
    void badEarlyStopValuesAreRefused() {
        assertThrows(ShellError.class, () -> run("set early-stop 0"));
        assertThrows(ShellError.class, () -> run("set early-stop 3 --metric speed"));
        run("set early-stop 3 --metric val-accuracy");
        assertEquals("3 val-accuracy", f.session.training().settings().value("early-stop"));
        run("set early-stop off");
        assertEquals("off", f.session.training().settings().value("early-stop"));
    }

    @Test
    void saveKeepsTheCurrentAndTheBestWeightsAndLoadBringsBothBack(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) {
        String setup = "set optimizer momentum; set lr 0.05; data split --test 40 --val 60; set early-stop 50";
        run(setup + "; step 30");
        int best = f.session.training().best().update();
        double metric = f.session.training().best().metric();
        List<double[][]> current = weights(f);
        java.nio.file.Path file = dir.resolve("both.npz");
        run("save " + file + "; init; load " + file);
        assertSame(current, weights(f));
        assertEquals(best, f.session.training().best().update());
        assertEquals(metric, f.session.training().best().metric());
        run("best restore; step 5");
        ShellFixture b = new ShellFixture(false);
        b.shell.execute(setup + "; step " + best + "; step 5", () -> false);
        assertSame(weights(b), weights(f));
    }
}
