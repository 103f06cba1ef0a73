package mnistshell.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import mnistshell.nn.Gradients;
import mnistshell.shell.CommandTable;
import mnistshell.shell.Shell;
import mnistshell.errors.ShellError;
import mnistshell.shell.ShellFixture;
import mnistshell.train.UpdateSizes;
import org.junit.jupiter.api.Test;

/** grads (db2 in both bias-grad modes, the update/weight ratio, warnings) and gradcheck, real and corrupted. */
class GradientCommandsTest {

    final ShellFixture f = new ShellFixture(false);

    String run(String line) {
        return f.run(line);
    }

    /** The ten values of "  class C  VALUE" lines. */
    static double[] db2(String out) {
        return out.lines().filter(l -> l.startsWith("  class ")).mapToDouble(l -> Double.parseDouble(l.substring(10).trim()))
                .toArray();
    }

    @Test
    void inSeedModeDb2IsZeroAndANoteSaysWhy() {
        run("set bias-grad seed; step 5");
        String out = run("grads db2");
        double[] values = db2(out);
        assertEquals(10, values.length, out);
        for (double v : values) {
            assertTrue(Math.abs(v) < 1e-12, "db2 " + v);
        }
        assertTrue(out.contains("each\n  column (one image) sums to 1 - 1 = 0"), out);
        assertTrue(run("grads").contains("warning: db2: vanishing"), "five updates of a zero db2 is a vanishing gradient");
    }

    @Test
    void inExactModeDb2HasTenLiveValuesThatSumToZero() {
        run("set bias-grad exact; step 5");
        String out = run("grads db2");
        double[] values = db2(out);
        assertEquals(10, values.length, out);
        double sum = 0;
        for (double v : values) {
            assertTrue(Math.abs(v) > 1e-6, "db2 " + v);
            sum += v;
        }
        // printed with five significant digits, each value is off by up to 5e-7 of a 1e-2 magnitude
        assertTrue(Math.abs(sum) < 1e-5, "sum of printed values " + sum);
        String sumLine = out.lines().filter(l -> l.startsWith("  sum ")).findFirst().orElseThrow();
        assertTrue(Math.abs(Double.parseDouble(sumLine.trim().split(" +")[1])) < 1e-12, sumLine);
        assertFalse(out.contains("note:"), out);
        assertFalse(run("grads").contains("warning"), "a healthy start warns of nothing");
    }

    @Test
    void theUpdateWeightRatioIsTheSizeOfTheChangeOverTheWeights() {
        run("step 3");
        UpdateSizes last = f.session.training().recentSizes().get(2);
        Gradients g = f.session.training().lastGradients();
        // plain gradient descent at lr 0.1 moves each tensor by exactly 0.1 times its gradient
        assertEquals(0.1 * UpdateSizes.norm(g.dW()[0]), last.step()[0], 1e-12);
        assertEquals(0.1 * UpdateSizes.norm(g.db()[1]), last.step()[3], 1e-12);
        double w2 = UpdateSizes.norm(f.session.network().tensors().get(2).values());
        assertEquals(w2, last.weights()[2], 1e-12 * w2);
        String dW1 = run("grads").lines().filter(l -> l.startsWith("dW1")).findFirst().orElseThrow();
        String[] cells = dW1.trim().split(" +");
        assertEquals(last.step()[0] / last.weights()[0], Double.parseDouble(cells[cells.length - 1]),
                0.05 * last.step()[0] / last.weights()[0], "printed with two or three significant digits");
    }

    @Test
    void gradsBeforeAnyUpdateIsRefused() {
        ShellError e = assertThrows(ShellError.class, () -> run("grads"));
        assertTrue(e.getMessage().startsWith("no update yet"), e.getMessage());
    }

    @Test
    void gradcheckPassesOnTheRealBackwardPass() {
        run("step 2");
        String out = run("gradcheck");
        assertTrue(out.contains("\nPASS: every relative error is below 1e-04\n"), out);
        assertEquals(4, out.lines().filter(l -> l.endsWith(" ok")).count(), out);
    }

    @Test
    void gradcheckFailsOnACorruptedGradient() {
        // db1 10% too large: the relative error is 0.1 / 2.1, far above the tolerance
        GradcheckCommand corrupted = new GradcheckCommand(g -> {
            for (double[] row : g.db()[0]) {
                row[0] *= 1.1;
            }
            return g;
        });
        Shell shell = new Shell(f.session, new CommandTable(List.of(corrupted)), f.out, false);
        shell.execute("gradcheck", () -> false);
        String out = f.out();
        assertTrue(out.contains("\nFAIL: a relative error is at or above 1e-04\n"), out);
        String db1 = out.lines().filter(l -> l.startsWith("db1")).findFirst().orElseThrow();
        assertTrue(db1.endsWith("FAIL"), db1);
        assertEquals(0.1 / 2.1, Double.parseDouble(db1.trim().split(" +")[2]), 1e-3);
        assertEquals(3, out.lines().filter(l -> l.endsWith(" ok")).count(), out);
    }

    @Test
    void gradcheckDoesNotChangeTheNetwork() {
        double before = f.session.network().weights(0).get(3, 400);
        run("gradcheck --samples 2");
        assertEquals(before, f.session.network().weights(0).get(3, 400), 0);
    }
}
