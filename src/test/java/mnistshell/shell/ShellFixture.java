package mnistshell.shell;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import mnistshell.commands.Commands;
import mnistshell.data.Dataset;
import mnistshell.data.Split;
import mnistshell.nn.TestData;
import mnistshell.session.Session;

/** A shell on a small random dataset, with its standard output and error captured. */
public final class ShellFixture {

    public final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    public final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    public final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    public final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
    public final Session session;
    public final Shell shell;
    public final ErrorReporter reporter = new ErrorReporter(err, false);

    public ShellFixture(boolean interactive) {
        Dataset data = TestData.random(300, 28, 28, 1);
        session = new Session(data, Split.shuffled(data.size(), 50, 1), 1);
        shell = new Shell(session, Commands.table(), out, interactive);
    }

    /** Runs {@code line} as typed at the prompt and returns what it printed (the output before it is dropped). */
    public String run(String line) {
        outBytes.reset();
        shell.execute(line, () -> false);
        return out();
    }

    public String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    public String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }
}
