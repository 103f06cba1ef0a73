package mnistshell.store;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mnistshell.shell.ShellFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/check-numpy refuses what it cannot check in one line, never a Python traceback; and the
 * files numpy itself writes with np.savez and np.savez_compressed (zip64 local headers, deflate)
 * pass load's checks. Needs python3 with numpy; skipped, saying so, without them.
 */
class CheckNumpyScriptTest {

    @TempDir
    static Path dir;

    /** What a process printed and its exit status. */
    record Run(int status, String out, String err) {
    }

    static Run run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in 60 s");
        }
        return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @BeforeAll
    static void numpyIsHere() throws InterruptedException {
        boolean here;
        try {
            here = run("python3", "-c", "import numpy").status() == 0;
        } catch (IOException e) {
            here = false;
        }
        assumeTrue(here, "python3 with numpy is not installed here: check-numpy cannot run");
    }

    /** Writes, with numpy, bare weights for 784-10-10 whose values are k / 1000 in C order. */
    static Path savez(String name, String function) throws IOException, InterruptedException {
        Path file = dir.resolve(name);
        Run r = run("python3", "-c", "import numpy as np, sys\n"
                + "a = lambda r, c, o: (np.arange(r * c, dtype=np.float64).reshape(r, c) + o) / 1000\n"
                + "np." + function + "(sys.argv[1], W1=a(10, 784, 0), b1=a(10, 1, 1), W2=a(10, 10, 2), b2=a(10, 1, 3)[:, 0])",
                file.toString());
        assertEquals(0, r.status(), r.err());
        return file;
    }

    /** The script's one line on standard error, and its status 2. */
    static void refusesInOneLine(Path file, String expected) throws IOException, InterruptedException {
        Run r = run("scripts/check-numpy", file.toString());
        assertAll(() -> assertEquals(2, r.status(), r.err()),
                () -> assertEquals("check-numpy: " + file + ": " + expected + "\n", r.err()));
    }

    @Test
    void aMissingFile() throws IOException, InterruptedException {
        refusesInOneLine(dir.resolve("nothing.npz"), "no such file");
    }

    @Test
    void bareWeightsFromNpSavez() throws IOException, InterruptedException {
        refusesInOneLine(savez("bare.npz", "savez"), "weights alone, no session.json: this checks sessions saved by `save`");
    }

    @Test
    void notAnNpzAtAll() throws IOException, InterruptedException {
        Path text = Files.writeString(dir.resolve("notes.npz"), "W1 = 0.5\n");
        refusesInOneLine(text, "not a .npz (zip) archive: this checks sessions saved by `save`");
    }

    @Test
    void whatNumpyWritesPassesLoadsChecks() throws IOException, InterruptedException {
        for (String function : List.of("savez", "savez_compressed")) {
            Path file = savez(function + ".npz", function);
            ShellFixture f = new ShellFixture(false);
            f.shell.execute("load " + file, () -> false);
            List<double[]> got = new ArrayList<>();
            f.session.network().tensors().forEach(t -> got.add(NpzFixtures.flat(t.values())));
            int[] counts = {7840, 10, 100, 10};
            for (int k = 0; k < counts.length; k++) {
                double[] expected = new double[counts[k]];
                for (int i = 0; i < expected.length; i++) {
                    expected[i] = (i + k) / 1000.0;
                }
                assertArrayEquals(expected, got.get(k), function + ": tensor " + k);
            }
        }
    }
}
