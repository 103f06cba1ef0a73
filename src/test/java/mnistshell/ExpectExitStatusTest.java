package mnistshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A command file with expect is a regression test: a false expectation is a non-zero exit status. */
class ExpectExitStatusTest {

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream oldOut;
    PrintStream oldErr;

    @TempDir
    Path dir;

    @BeforeEach
    void capture() {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    @Test
    void aFalseExpectationFailsTheFile() throws Exception {
        Path file = Files.writeString(dir.resolve("regress.msh"), "step 1\nexpect step == 1\nexpect test-accuracy >= 0.99\n");
        assertEquals(Main.FAILED, Main.run(new String[] {file.toString()}));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("ok: step == 1 (1)"));
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.startsWith(file + ":3: error: expect test-accuracy >= 0.99 failed: test-accuracy is 0."), e);
    }

    @Test
    void trueExpectationsExitZero() {
        assertEquals(Main.OK, Main.run(new String[] {"-c", "expect step == 0; expect test-accuracy < 0.5"}));
    }
}
