package mnistshell.shell;

import mnistshell.errors.ShellError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import mnistshell.data.CsvFixtures;
import mnistshell.data.Dataset;
import mnistshell.data.IdxFixtures;
import mnistshell.files.FileSystemFixtures;
import mnistshell.nn.Network;
import mnistshell.nn.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code data load}, {@code load} and {@code run} as a user types them, on what is not a regular
 * file or cannot be read: one line each with its true reason, at once (a FIFO must not block),
 * and the session as it was.
 */
class FileReadingRefusalTest {

    @TempDir
    Path dir;
    private ShellFixture f;
    private ScriptRunner runner;
    private Network network;
    private Dataset data;

    @BeforeEach
    void trainALittle() {
        f = new ShellFixture(false);
        runner = new ScriptRunner(f.shell, () -> false);
        runner.runInline("step 3");
        network = f.session.network();
        data = f.session.data();
    }

    /** The command, and for {@code data load} an IDX image file first, so that the path is the label file. */
    static Stream<Arguments> readers() {
        return Stream.of(
                Arguments.of("data load", "data file", "file or directory"),
                Arguments.of("data load IMAGES", "data file", "data file"),
                Arguments.of("load", "saved session", "saved session"),
                Arguments.of("run", "command file", "command file"));
    }

    @ParameterizedTest(name = "{0} FIFO")
    @MethodSource("readers")
    void aFifoIsRefusedAtOnce(String command, String kind, String missingKind) {
        Path fifo = dir.resolve("pipe");
        String why = FileSystemFixtures.mkfifo(fifo);
        assumeTrue(why == null, () -> "no FIFO can be made here: " + why);
        String err = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> refused(command, fifo));
        assertEquals(fifo + ": is a FIFO (named pipe): only regular files are read", err);
    }

    @ParameterizedTest(name = "{0} device")
    @MethodSource("readers")
    void aDeviceIsRefused(String command, String kind, String missingKind) throws IOException {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero), "no /dev/zero on this system");
        assertEquals(zero + ": is a character device: only regular files are read",
                refused(command, zero));
    }

    @ParameterizedTest(name = "{0} missing")
    @MethodSource("readers")
    void aMissingFileIsSaidToBeMissing(String command, String kind, String missingKind) throws IOException {
        Path missing = dir.resolve("missing.npz");
        assertEquals(missing + ": no such " + missingKind, refused(command, missing));
    }

    @ParameterizedTest(name = "{0} directory")
    @MethodSource("readers")
    void aDirectoryIsSaidToBeOne(String command, String kind, String missingKind) throws IOException {
        assumeFalse(command.equals("data load"), "data load reads a directory of MNIST files: DataLoadRefusalTest");
        Path directory = Files.createDirectory(dir.resolve("folder.npz"));
        assertEquals(directory + ": is a directory, not a " + kind, refused(command, directory));
    }

    @ParameterizedTest(name = "{0} under a file")
    @MethodSource("readers")
    void aPathThroughAFileSaysWhichPartIsAFile(String command, String kind, String missingKind) throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "a file, not a directory\n");
        Path under = file.resolve("x.npz");
        assertEquals(under + ": " + file + " is a file, not a directory", refused(command, under));
    }

    @ParameterizedTest(name = "{0} unreadable")
    @MethodSource("readers")
    void anUnreadableFileIsSaidToBeUnreadable(String command, String kind, String missingKind) throws IOException {
        assumeFalse(FileSystemFixtures.isRoot(), "running as root, who reads any file whatever its permissions");
        Path file = Files.write(dir.resolve("secret.npz"), new byte[] {1, 2, 3});
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assertEquals(file + ": permission denied", refused(command, file));
    }

    @Test
    void ctrlCStopsDataLoadAndNothingChanges() throws IOException {
        Path csv = Files.writeString(dir.resolve("train.csv"),
                CsvFixtures.csv(TestData.random(200, 28, 28, 4), 200, true, true, "\n"));
        AtomicInteger asked = new AtomicInteger();
        Thread shellThread = Thread.currentThread();
        BooleanSupplier ctrlC = () -> Thread.currentThread() == shellThread && asked.incrementAndGet() > 3;
        ShellError e = assertThrows(ShellError.class, () -> f.shell.execute("data load " + csv, ctrlC));
        assertTrue(e.getMessage().startsWith(csv + ": reading stopped by Ctrl-C after "), e.getMessage());
        assertTrue(e.getMessage().endsWith(" bytes; nothing was loaded"), e.getMessage());
        assertUnchanged();
        f.shell.execute("data load " + csv, () -> false);
        assertEquals(200, f.session.data().size(), "the same file loads when not stopped");
    }

    @Test
    void ctrlCWhileReadingACommandFileRunsNoneOfIt() throws IOException {
        Path script = Files.writeString(dir.resolve("s.msh"), "step 2\n".repeat(20_000));
        Thread shellThread = Thread.currentThread();
        AtomicInteger asked = new AtomicInteger();
        BooleanSupplier ctrlC = () -> Thread.currentThread() == shellThread && asked.incrementAndGet() > 2;
        ShellError e = assertThrows(ShellError.class, () -> f.shell.execute("run " + script, ctrlC));
        assertTrue(e.getMessage().matches("\\Q" + script + "\\E: reading stopped by Ctrl-C after \\d+ bytes; none of it ran"),
                e.getMessage());
        assertUnchanged();
    }

    /** The one line {@code command path} is refused with, printed as the user sees it; the session is unchanged. */
    private String refused(String command, Path path) throws IOException {
        String line = command + " " + path;
        if (command.endsWith("IMAGES")) {
            Path images = Files.write(dir.resolve("images"), IdxFixtures.images(1, 28, 28, new byte[784]));
            line = command.replace("IMAGES", images.toString()) + " " + path;
        }
        String typed = line;
        ShellError e = assertThrows(ShellError.class, () -> runner.runInline(typed));
        f.reporter.report(e);
        String err = f.err();
        assertEquals(1, err.lines().count(), err);
        assertFalse(err.contains("Exception"), err);
        assertTrue(err.startsWith("-c: error: "), err);
        assertUnchanged();
        return err.substring("-c: error: ".length()).strip();
    }

    private void assertUnchanged() {
        assertSame(network, f.session.network());
        assertSame(data, f.session.data());
        assertEquals(3, f.session.iteration());
    }
}
