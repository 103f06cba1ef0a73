package mnistshell.shell;

import mnistshell.errors.ShellError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import mnistshell.data.CsvFixtures;
import mnistshell.data.Dataset;
import mnistshell.data.IdxFixtures;
import mnistshell.nn.Network;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad input the issue lists, made by the test in a temporary directory and given to
 * {@code data load} through the shell's dispatch: one line naming the file and where, what was
 * expected and what was found; then {@code eval} prints exactly what it printed before, on the very
 * same data and network.
 */
class DataLoadRefusalTest {

    static final String HEADER = "label," + String.join(",", Stream.iterate(0, p -> p + 1).limit(784)
            .map(p -> "pixel" + p).toList()) + "\n";
    static final byte[] TWO_IMAGES = new byte[2 * 784];

    /** Writes the bad file(s) into a directory and returns the arguments of {@code data load}. */
    interface BadInput {
        String write(Path dir) throws IOException;
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                bad("empty file", d -> file(d, "empty.csv", new byte[0]),
                        "empty.csv: file is empty: expected an IDX file or a CSV of pixels"),
                bad("header and no rows", d -> csv(d, HEADER),
                        "train.csv: line 1: a header but no lines of pixels follow"),
                bad("too few fields", d -> csv(d, HEADER + "3," + CsvFixtures.pixels(0, "0") + "\n"
                                + "3," + CsvFixtures.pixels(0, "0").substring(2) + "\n"),
                        "train.csv: line 3: expected 785 fields (label, pixel0..pixel783), found 784"),
                bad("too many fields", d -> csv(d, HEADER + "3," + CsvFixtures.pixels(0, "0") + ",0\n"),
                        "train.csv: line 2: expected 785 fields (label, pixel0..pixel783), found 786"),
                bad("pixel not an integer", d -> csv(d, HEADER + "3," + CsvFixtures.pixels(10, "0.5") + "\n"),
                        "train.csv: line 2: field 12: expected pixel10, an integer 0-255, found '0.5'"),
                bad("pixel above 255", d -> csv(d, HEADER + "3," + CsvFixtures.pixels(783, "256") + "\n"),
                        "train.csv: line 2: field 785: expected pixel783, an integer 0-255, found '256'"),
                bad("negative pixel", d -> csv(d, HEADER + "3," + CsvFixtures.pixels(0, "-1") + "\n"),
                        "train.csv: line 2: field 2: expected pixel0, an integer 0-255, found '-1'"),
                bad("csv label outside 0-9", d -> csv(d, HEADER + "10," + CsvFixtures.pixels(0, "0") + "\n"),
                        "train.csv: line 2: field 1: expected the label, a digit 0-9, found '10'"),
                bad("idx label outside 0-9", d -> pair(d, IdxFixtures.images(2, 28, 28, TWO_IMAGES),
                                IdxFixtures.labels(new byte[] {4, 11})),
                        "labels: byte 9: label 11 of image 1 is not a digit 0-9"),
                bad("unknown magic number", d -> file(d, "images", ByteBuffer.allocate(16).putInt(2050).array()),
                        "images: byte 0: expected magic number 2051 (IDX images) or 2049 (IDX labels),"
                                + " found 2050 (0x00000802)"),
                bad("truncated idx", d -> pair(d, Arrays.copyOf(IdxFixtures.images(2, 28, 28, TWO_IMAGES), 1000),
                                IdxFixtures.labels(new byte[] {1, 2})),
                        "images: byte 1000: file ends early: header promises 2 images of 28x28 (1568 bytes from byte"
                                + " 16), found 984"),
                bad("gzip idx cut in its data", d -> pair(d, half(IdxFixtures.gzip(noisyIdx())),
                                IdxFixtures.labels(new byte[] {1, 2})),
                        "images: truncated or damaged gzip stream near byte 16 while reading 2 images of 28x28"),
                bad("gzip idx cut in its trailer", d -> pair(d, cut(IdxFixtures.gzip(noisyIdx()), 8),
                                IdxFixtures.labels(new byte[] {1, 2})),
                        "images: truncated or damaged gzip stream at its end, after 2 images of 28x28"),
                bad("idx with more bytes than its header says", d -> pair(d,
                                Arrays.copyOf(IdxFixtures.images(2, 28, 28, TWO_IMAGES), 16 + 2 * 784 + 5),
                                IdxFixtures.labels(new byte[] {1, 2})),
                        "images: byte 1584: expected the end of the file after 2 images of 28x28, found more bytes"),
                bad("gzip csv cut in its data", d -> file(d, "train.csv.gz", half(IdxFixtures.gzip(
                                CsvFixtures.bytes(HEADER + "3," + CsvFixtures.pixels(0, "0") + "\n" + noisyRows())))),
                        "train.csv.gz: line "),
                bad("gzip csv cut in its trailer", d -> file(d, "train.csv.gz", cut(IdxFixtures.gzip(
                                CsvFixtures.bytes(HEADER + "3," + CsvFixtures.pixels(0, "0") + "\n")), 8)),
                        "train.csv.gz: line 3: gzip stream ends early or is damaged (truncated download?)"),
                bad("counts disagree", d -> pair(d, IdxFixtures.images(2, 28, 28, TWO_IMAGES), IdxFixtures.labels(new byte[] {1})),
                        "labels: byte 4: holds 1 labels but "),
                bad("header promises more than the file holds", d -> pair(d,
                                IdxFixtures.images(1_000_000, 28, 28, TWO_IMAGES), IdxFixtures.labels(new byte[] {1, 2})),
                        "images: byte 1584: file ends early: header promises 1000000 images of 28x28"),
                bad("images not 28x28", d -> pair(d, IdxFixtures.images(2, 20, 20, new byte[800]),
                                IdxFixtures.labels(new byte[] {1, 2})),
                        "images: byte 8: expected 28x28 images, found 20x20"),
                bad("random bytes", d -> file(d, "noise.bin", randomBytes()),
                        "noise.bin: byte 0: expected an IDX file (magic 2051 or 2049), a CSV of pixels, or either gzipped;"
                                + " found bytes "),
                bad("missing file", d -> d.resolve("nothing.csv").toString(),
                        "nothing.csv: no such file or directory"),
                bad("directory without the four files", d -> {
                    Files.write(d.resolve("train-images-idx3-ubyte"), IdxFixtures.images(2, 28, 28, TWO_IMAGES));
                    Files.writeString(d.resolve("notes.txt"), "t10k is missing\n");
                    return d.toString();
                }, ": expected the four MNIST IDX files (train-images, train-labels, t10k-images, t10k-labels;"
                        + " raw or gzipped), found 1 training image file(s), 0 training label file(s),"
                        + " 0 test image file(s) and 0 test label file(s)"),
                bad("idx images without labels", d -> file(d, "images", IdxFixtures.images(2, 28, 28, TWO_IMAGES)),
                        "images: is an IDX image file; give its label file too: data load IMAGES LABELS"));
    }

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void isRefusedInOneLineAndLeavesDataAndNetworkAsTheyWere(String what, BadInput input, String expected)
            throws IOException {
        ShellFixture f = new ShellFixture(false);
        ScriptRunner runner = new ScriptRunner(f.shell, () -> false);
        runner.runInline("step 3; eval");
        String evalBefore = lastTwoLines(f.out());
        Dataset dataBefore = f.session.data();
        Network network = f.session.network();
        Network weightsBefore = network.copy();
        String args = input.write(dir);

        ShellError e = assertThrows(ShellError.class, () -> runner.runInline("data load " + args));
        f.reporter.report(e);

        String err = f.err();
        assertTrue(err.startsWith("-c: error: " + dir), err);
        assertTrue(err.contains(expected), "expected '" + expected + "' in: " + err);
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.endsWith("\n") && !err.contains("Exception"), err);

        runner.runInline("eval");
        assertEquals(evalBefore, lastTwoLines(f.out()));
        assertSame(dataBefore, f.session.data());
        assertSame(network, f.session.network());
        assertEquals(3, f.session.iteration());
        assertNull(f.session.unlabelled());
        for (int l = 0; l < network.layers(); l++) {
            assertEquals(weightsBefore.weights(l), network.weights(l), "W" + l);
            assertEquals(weightsBefore.biases(l), network.biases(l), "b" + l);
        }
    }

    private static Arguments bad(String what, BadInput input, String expected) {
        return Arguments.of(what, input, expected);
    }

    private static String file(Path dir, String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes).toString();
    }

    private static String csv(Path dir, String text) throws IOException {
        return file(dir, "train.csv", CsvFixtures.bytes(text));
    }

    private static String pair(Path dir, byte[] images, byte[] labels) throws IOException {
        return file(dir, "images", images) + " " + file(dir, "labels", labels);
    }

    private static byte[] cut(byte[] bytes, int drop) {
        return Arrays.copyOf(bytes, bytes.length - drop);
    }

    private static byte[] half(byte[] bytes) {
        return Arrays.copyOf(bytes, bytes.length / 2);
    }

    /** Two images of noise, which gzip cannot shrink, so that cutting the gzip in half cuts the pixels. */
    private static byte[] noisyIdx() {
        byte[] pixels = new byte[2 * 784];
        new Random(5).nextBytes(pixels);
        return IdxFixtures.images(2, 28, 28, pixels);
    }

    /** 50 CSV lines of noisy pixels, so that the gzipped file is mostly pixels. */
    private static String noisyRows() {
        Random random = new Random(6);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            s.append(random.nextInt(10));
            for (int p = 0; p < 784; p++) {
                s.append(',').append(random.nextInt(256));
            }
            s.append('\n');
        }
        return s.toString();
    }

    /** Noise that starts like nothing mnist-shell reads (not gzip, IDX or text), then anything. */
    private static byte[] randomBytes() {
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        noise[0] = (byte) 0x93;
        return noise;
    }

    private static String lastTwoLines(String out) {
        List<String> lines = out.lines().toList();
        return String.join("\n", lines.subList(lines.size() - 2, lines.size()));
    }
}
