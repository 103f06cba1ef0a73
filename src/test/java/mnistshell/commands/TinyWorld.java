package mnistshell.commands;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import mnistshell.data.Dataset;
import mnistshell.data.Split;
import mnistshell.nn.Activation;
import mnistshell.nn.Init;
import mnistshell.nn.Tensor;
import mnistshell.session.Session;
import mnistshell.shell.Shell;

/**
 * A shell on images of 1x2 pixels, small enough to work out by hand: pixels are 0 or 255, so the
 * network sees 0 or 1. Images 0-3 are the training set ([0,0], [1,0], [0,1], [1,1]); images 4-8,
 * all [1,1], are the test set with labels 3, 3, 4, 9, 0. The network is 2-3-10; tests set its weights.
 */
final class TinyWorld {

    static final byte[] PIXELS = {0, 0, -1, 0, 0, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1};
    static final byte[] LABELS = {0, 1, 2, 3, 3, 3, 4, 9, 0};

    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    final Session session;
    final Shell shell;

    TinyWorld(Activation hidden) {
        Dataset data = new Dataset("tiny", 1, 2, PIXELS, LABELS);
        session = new Session(data, new Split(new int[] {0, 1, 2, 3}, new int[] {4, 5, 6, 7, 8}, 0), 1);
        session.init(new int[] {2, 3, 10}, hidden, Init.HE, 1);
        shell = new Shell(session, Commands.table(), out, false);
    }

    /** Sets W1 row by row, b1, and zeroes the output layer. */
    TinyWorld hidden(double[][] w1, double[] b1) {
        for (int u = 0; u < 3; u++) {
            System.arraycopy(w1[u], 0, tensor(0).values()[u], 0, 2); // in place: the arrays are the network's
            tensor(1).values()[u][0] = b1[u];
        }
        for (double[] row : tensor(2).values()) {
            java.util.Arrays.fill(row, 0);
        }
        for (double[] row : tensor(3).values()) {
            row[0] = 0;
        }
        return this;
    }

    /** An output layer that ignores its input and favours class {@code c} by a logit of 5. */
    TinyWorld alwaysPredicts(int c) {
        hidden(new double[][] {{1, 0}, {0, 1}, {1, 1}}, new double[] {0, 0, 0});
        tensor(3).values()[c][0] = 5;
        return this;
    }

    Tensor tensor(int k) {
        return session.network().tensors().get(k);
    }

    String run(String line) {
        bytes.reset();
        shell.execute(line, () -> false);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
