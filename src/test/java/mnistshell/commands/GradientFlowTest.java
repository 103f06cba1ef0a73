package mnistshell.commands;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mnistshell.session.Session;
import mnistshell.shell.Shell;
import mnistshell.train.UpdateSizes;
import org.junit.jupiter.api.Test;

/** grads' warning that compares layers, on real networks trained on the embedded sample. */
class GradientFlowTest {

    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final Session session = Session.withEmbeddedSample();
    final Shell shell = new Shell(session, Commands.table(), new PrintStream(bytes, true, StandardCharsets.UTF_8),
            false);

    String run(String line) {
        bytes.reset();
        shell.execute(line, () -> false);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aDeepSigmoidNetworkWarnsThatItsFirstGradientVanished() {
        // each sigmoid passes back at most a quarter of the gradient: six of them shrink it
        // thousands of times on its way from the output to W1
        run("init 784-16-16-16-16-16-16-10 --act sigmoid --init xavier; step 3");
        String out = run("grads");
        Matcher m = Pattern.compile("warning: dW(\\d)'s norm is ([0-9.]+e[0-9]+) times smaller than dW(\\d)'s: vanishing"
                + " gradient\n  try: ").matcher(out);
        assertTrue(m.find(), out);
        int early = Integer.parseInt(m.group(1));
        int late = Integer.parseInt(m.group(3));
        UpdateSizes last = session.training().recentSizes().get(2);
        double ratio = last.gradient()[2 * (late - 1)] / last.gradient()[2 * (early - 1)];
        double printed = Double.parseDouble(m.group(2));
        assertTrue(ratio > 100 && Math.abs(printed - ratio) < 0.05 * ratio, ratio + " printed as " + printed);
        assertTrue(out.lines().allMatch(l -> l.length() <= 80), out);
    }

    @Test
    void theSeedNetworkWarnsOfNothing() {
        run("step 5");
        String out = run("grads");
        assertFalse(out.contains("warning"), out);
        run("init 784-64-32-10; set optimizer adam; set lr 0.001; set batch 64; step 5");
        assertFalse(run("grads").contains("warning"), "a healthy deeper network either");
    }
}
