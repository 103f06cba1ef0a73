package mnistshell.shell;

import mnistshell.errors.ShellError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import mnistshell.data.CsvFixtures;
import mnistshell.files.FileSystemFixtures;
import mnistshell.nn.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command that writes a file, as a user types it, goes through the one atomic writer: the
 * file appears whole, a stale temporary file a killed writer left beside it is removed (which only
 * the writer does), no temporary file is left, a symbolic link or a missing directory is refused.
 */
class FileWritingTest {

    /** A pid no process can have (above Linux's largest pid_max). */
    static final long DEAD_PID = 2_000_000_000L;
    static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path dir;
    private Path out;
    private ShellFixture f;
    private ScriptRunner runner;

    @BeforeEach
    void sessionWithAnUnlabelledSet() throws IOException {
        f = new ShellFixture(false);
        runner = new ScriptRunner(f.shell, () -> false);
        out = Files.createDirectory(dir.resolve("out"));
        Path test = Files.writeString(dir.resolve("test.csv"),
                CsvFixtures.csv(TestData.random(30, 28, 28, 9), 30, true, false, "\n"));
        runner.runInline("step 3; data load " + test);
    }

    static Stream<Arguments> writers() {
        return Stream.of(
                Arguments.of("save", "s.npz"),
                Arguments.of("history --csv", "h.csv"),
                Arguments.of("history --png", "h.png"),
                Arguments.of("weights --png", "w.png"),
                Arguments.of("predict --out", "p.csv"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writers")
    void writesTheWholeFileAndRemovesAStaleTemporaryOfIt(String command, String name) throws IOException {
        Path target = out.resolve(name);
        Path stale = Files.writeString(out.resolve("." + name + "." + DEAD_PID + ".123.tmp"), "left by a killed save");
        Path live = Files.writeString(out.resolve("." + name + "." + ProcessHandle.current().pid() + ".456.tmp"), "");
        Path old = Files.writeString(out.resolve("." + name + "." + ProcessHandle.current().pid() + ".789.tmp"), "");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minusSeconds(2 * 3600)));
        Path other = Files.writeString(out.resolve(".other.csv." + DEAD_PID + ".1.tmp"), "another target's");

        runner.runInline(command + " " + target);
        runner.runInline(command + " " + target); // and over the file it wrote

        assertEquals(Set.of(name, live.getFileName().toString(), other.getFileName().toString()), names(out),
                "the stale temporaries of this target removed (dead writer, or an hour old), a live writer's and"
                        + " another target's kept, none of its own left");
        assertFalse(Files.exists(stale) || Files.exists(old));
        byte[] bytes = Files.readAllBytes(target);
        if (name.endsWith(".png")) {
            assertArrayEquals(PNG_MAGIC, Arrays.copyOf(bytes, 8), name);
        } else if (name.equals("p.csv")) {
            assertEquals(31, new String(bytes, StandardCharsets.US_ASCII).lines().count(), "header and 30 images");
        } else if (name.equals("h.csv")) {
            assertTrue(new String(bytes, StandardCharsets.UTF_8).startsWith("update,epoch,loss,"), name);
        } else {
            runner.runInline("load " + target);
            assertEquals(3, f.session.iteration());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writers")
    void aSymbolicLinkIsNotWrittenThrough(String command, String name) throws IOException {
        Path real = Files.writeString(dir.resolve("real-" + name), "precious\n");
        Path link = Files.createSymbolicLink(out.resolve(name), real);
        assertEquals(link + ": is a symbolic link (to " + real + "); not written: give the path of the file itself",
                refused(command + " " + link));
        assertEquals("precious\n", Files.readString(real));
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(Set.of(name), names(out));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writers")
    void aMissingDirectoryIsNotCreated(String command, String name) {
        Path missing = out.resolve("none");
        Path target = missing.resolve(name);
        assertEquals(target + ": cannot write: no such directory (create it first)",
                refused(command + " " + target));
        assertFalse(Files.exists(missing));
    }

    @Test
    void aBareSaveMakesModelsAndSaysSo() {
        Path models = dir.resolve("models");
        f.shell.setModelsDirectory(models);
        runner.runInline("save first");
        assertTrue(f.out().contains("created " + models + "/ for saved sessions"), f.out());
        assertTrue(Files.isRegularFile(models.resolve("first.npz")));
        runner.runInline("save second");
        assertEquals(1, f.out().split("created ", -1).length - 1, "said once, when it was made");
    }

    @Test
    void aFullDiskKeepsTheOldFileWholeAndLeavesNoTemporary() throws IOException {
        Path small = Files.createDirectory(dir.resolve("small"));
        String why = FileSystemFixtures.mountTmpfs(small, "size=128k");
        assumeTrue(why == null, () -> "cannot mount a small file system to fill: " + why);
        try {
            Path target = small.resolve("s.npz");
            runner.runInline("save " + target); // 784-10-10: about 64 kB
            byte[] old = Files.readAllBytes(target);
            runner.runInline("init 784-40-10"); // about 250 kB: more than is left
            String err = refused("save " + target);
            assertTrue(err.startsWith(target + ": cannot write: No space left on device"), err);
            assertTrue(err.endsWith("; the file there before is untouched"), err);
            assertArrayEquals(old, Files.readAllBytes(target));
            assertEquals(Set.of("s.npz"), names(small));
        } finally {
            FileSystemFixtures.unmount(small);
        }
    }

    @Test
    void anUnwritableDirectoryGivesTheSystemsReason() throws IOException {
        Path readOnly = Files.createDirectory(dir.resolve("ro"));
        String why = FileSystemFixtures.mountTmpfs(readOnly, "ro,size=64k");
        assumeTrue(why == null, () -> "cannot mount a read-only file system (and root writes into any directory"
                + " whatever its permissions): " + why);
        try {
            Path target = readOnly.resolve("h.csv");
            assertEquals(target + ": cannot write: Read-only file system", refused("history --csv " + target));
            assertEquals(Set.of(), names(readOnly));
        } finally {
            FileSystemFixtures.unmount(readOnly);
        }
    }

    private String refused(String line) {
        ShellError e = assertThrows(ShellError.class, () -> runner.runInline(line));
        f.errBytes.reset();
        f.reporter.report(e);
        String err = f.err();
        assertEquals(1, err.lines().count(), err);
        assertFalse(err.contains("Exception"), err);
        assertTrue(err.startsWith("-c: error: "), err);
        return err.substring("-c: error: ".length()).strip();
    }

    private static Set<String> names(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return new TreeSet<>(files.map(p -> p.getFileName().toString()).toList());
        }
    }

}
