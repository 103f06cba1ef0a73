package mnistshell.commands;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import mnistshell.data.CsvFixtures;
import mnistshell.data.Dataset;
import mnistshell.data.IdxFixtures;
import mnistshell.data.Split;
import mnistshell.nn.Network;
import mnistshell.nn.TestData;
import mnistshell.nn.Evaluation;
import mnistshell.nn.ReferenceEngine;
import mnistshell.session.Session;
import mnistshell.shell.ScriptRunner;
import mnistshell.errors.ShellError;
import mnistshell.shell.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code data} and {@code predict --out} through the shell's dispatch, on small random datasets. */
class DataCommandTest {

    /** What the user has loaded: 120 random 28x28 digits. */
    static final Dataset FILE_DATA = TestData.random(120, 28, 28, 9);

    @TempDir
    Path dir;

    final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    Session session = new Session(TestData.random(300, 28, 28, 1), Split.shuffled(300, 50, 1), 1);
    Shell shell = new Shell(session, Commands.table(), new PrintStream(outBytes, true, StandardCharsets.UTF_8), false);

    @Test
    void loadingACsvSwapsTheDataKeepsTheNetworkAndSaysSo() throws IOException {
        Network network = session.network();
        run("step 2");
        Path csv = write("train.csv", CsvFixtures.csv(FILE_DATA, 120, true, true, "\n"));

        String out = run("data load " + csv);

        assertArrayEquals(FILE_DATA.pixels(), session.data().pixels());
        assertArrayEquals(FILE_DATA.labels(), session.data().labels());
        assertSame(network, session.network());
        assertEquals(2, session.iteration());
        assertArrayEquals(Split.shuffled(120, 12, Session.DEFAULT_SEED).test(), session.split().test(),
                "a tenth held out by the default seed's shuffle");
        assertTrue(unwrapped(out).contains("loaded 120 labelled images of 28x28 from " + csv + " (CSV with header)"), out);
        assertTrue(out.contains("split: 108 train / 12 test (seeded shuffle, seed 2)"), out);
        assertTrue(out.contains("network 784-10-10 kept: the input size 784 matches (update 2)"), out);
    }

    @Test
    void infoTellsSourceCountsSplitScalingAndMemory() throws IOException {
        run("data load " + write("train.csv", CsvFixtures.csv(FILE_DATA, 120, true, true, "\n")));
        String out = run("data info");
        int[] counts = new int[10];
        for (int i = 0; i < FILE_DATA.size(); i++) {
            counts[FILE_DATA.label(i)]++;
        }
        StringBuilder classes = new StringBuilder("classes:");
        for (int c = 0; c < 10; c++) {
            classes.append(' ').append(c).append(':').append(counts[c]);
        }
        assertTrue(out.contains("source: " + dir.resolve("train.csv") + " (CSV with header)\n"), out);
        assertTrue(out.contains("images: 120 labelled, 28x28\n"), out);
        assertTrue(out.contains(classes + "\n"), out);
        assertTrue(out.contains("split: 108 train / 12 test (seeded shuffle, seed 2)\n"), out);
        assertTrue(out.contains("scaling: pixels scaled to [0, 1] (normalize on)\n"), out);
        assertTrue(out.contains("memory: 0.1 MB of pixels and labels (one byte each)"), out); // 120 * 785 bytes
    }

    @Test
    void splitReshufflesWithTheGivenSeedAndKeepsTheNetwork() {
        Network network = session.network();
        String out = run("data split --test 30 --seed 5");
        assertArrayEquals(Split.shuffled(300, 30, 5).test(), session.split().test());
        assertEquals(270, session.split().train().length);
        assertSame(network, session.network());
        assertTrue(out.contains("split: 270 train / 30 test (seeded shuffle, seed 5); network kept"), out);
        run("data split --test 40");
        assertArrayEquals(Split.shuffled(300, 40, Session.DEFAULT_SEED).test(), session.split().test());
    }

    @Test
    void aTestSetThatCameWithTheDataIsKept() throws IOException {
        Dataset train = TestData.random(40, 28, 28, 3);
        Dataset test = TestData.random(10, 28, 28, 4);
        Files.write(dir.resolve("train-images-idx3-ubyte"), IdxFixtures.images(40, 28, 28, train.pixels()));
        Files.write(dir.resolve("train-labels-idx1-ubyte"), IdxFixtures.labels(train.labels()));
        Files.write(dir.resolve("t10k-images-idx3-ubyte.gz"), IdxFixtures.gzip(IdxFixtures.images(10, 28, 28, test.pixels())));
        Files.write(dir.resolve("t10k-labels-idx1-ubyte.gz"), IdxFixtures.gzip(IdxFixtures.labels(test.labels())));

        String out = run("data load " + dir);

        assertTrue(out.contains("split: 40 train / 10 test (the test set came with the data)"), out);
        assertEquals(40, session.split().test()[0]);
        ShellError e = assertThrows(ShellError.class, () -> run("data split --test 5"));
        assertTrue(e.getMessage().startsWith("data: the 10 test images came with the data and stay"), e.getMessage());
        assertEquals(10, session.split().test().length);
    }

    @Test
    void normalizeOffFeedsRawPixelsAndSurvivesALoad() throws IOException {
        String out = run("data normalize off");
        assertFalse(session.data().normalized());
        assertEquals(255.0, session.data().input((byte) 255));
        assertTrue(out.contains("raw pixels 0-255"), out);
        run("data load " + write("train.csv", CsvFixtures.csv(FILE_DATA, 120, false, true, "\r\n")));
        assertFalse(session.data().normalized(), "the scaling is the session's, not the file's");
        run("data normalize on");
        assertTrue(session.data().normalized());
    }

    @Test
    void anotherInputSizeGetsAFreshNetworkOfTheSeedsShape() throws IOException {
        session = new Session(TestData.random(50, 4, 4, 1), Split.shuffled(50, 5, 1), 7);
        shell = new Shell(session, Commands.table(), new PrintStream(outBytes, true, StandardCharsets.UTF_8), false);
        Network old = session.network();

        String out = run("data load " + write("train.csv", CsvFixtures.csv(FILE_DATA, 120, true, true, "\n")));

        assertNotSame(old, session.network());
        assertEquals("784-10-10", session.network().architecture());
        assertEquals(0, session.iteration());
        assertTrue(out.contains("new input size 784: fresh network 784-10-10, seed 7"), out);
    }

    @Test
    void anUnlabelledSetIsHeldBesideTheTrainingData() throws IOException {
        Dataset before = session.data();
        Path csv = write("test.csv", CsvFixtures.csv(FILE_DATA, 120, true, false, "\n"));

        String out = run("data load " + csv);

        assertSame(before, session.data(), "never trained on: the labelled data stays");
        assertArrayEquals(FILE_DATA.pixels(), session.unlabelled().pixels());
        assertTrue(unwrapped(out).contains("loaded 120 unlabelled images of 28x28 from " + csv + " (CSV with header, no labels)"), out);
        assertTrue(out.contains("held for show unlabelled:N and predict --out\ntraining data and network unchanged"), out);
        assertTrue(run("data info").contains("unlabelled: 120 images from " + csv), out);
    }

    @Test
    void predictWritesKaggleSubmissionWithTheReferenceNetworksAnswers() throws IOException {
        run("step 5; data load " + write("test.csv", CsvFixtures.csv(FILE_DATA, 120, false, false, "\n")));
        Path submission = dir.resolve("submission.csv");

        String out = run("predict --out " + submission);

        List<String> lines = Files.readAllLines(submission);
        assertEquals("ImageId,Label", lines.get(0));
        assertEquals(121, lines.size());
        for (int i = 0; i < 120; i++) {
            int expected = Evaluation.argmax(ReferenceEngine.probabilities(session.network(), FILE_DATA, i));
            assertEquals((i + 1) + "," + expected, lines.get(i + 1), "line " + (i + 2));
        }
        assertTrue(out.contains("wrote 120 predictions"), out);
    }

    @Test
    void predictOnRawPixelsUsesRawPixels() throws IOException {
        run("data normalize off; data load " + write("test.csv", CsvFixtures.csv(FILE_DATA, 30, true, false, "\n")));
        Path submission = dir.resolve("submission.csv");
        run("predict --out " + submission);
        List<String> lines = Files.readAllLines(submission);
        Dataset raw = FILE_DATA.withNormalized(false);
        for (int i = 0; i < 30; i++) {
            assertEquals((i + 1) + "," + Evaluation.argmax(ReferenceEngine.probabilities(session.network(), raw, i)),
                    lines.get(i + 1));
        }
    }

    @Test
    void predictRefusesWithoutAnUnlabelledSetOrWithoutOut() {
        ShellError e = assertThrows(ShellError.class, () -> run("predict --out " + dir.resolve("s.csv")));
        assertTrue(e.getMessage().startsWith("predict: no unlabelled set: load one first"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("s.csv")));
        e = assertThrows(ShellError.class, () -> run("predict"));
        assertTrue(e.getMessage().startsWith("predict: which image? N, drawn:N, unlabelled:N, or --out FILE"), e.getMessage());
    }

    private Path write(String name, String text) throws IOException {
        return Files.write(dir.resolve(name), CsvFixtures.bytes(text));
    }

    /** Runs {@code line} through the dispatch and returns what it printed. */
    /** Output with lines wrapped to 80 columns (continued two spaces in) joined again. */
    private static String unwrapped(String out) {
        return out.replace("\n  ", " ");
    }

    private String run(String line) {
        outBytes.reset();
        new ScriptRunner(shell, () -> false).runInline(line);
        return outBytes.toString(StandardCharsets.UTF_8);
    }

}
