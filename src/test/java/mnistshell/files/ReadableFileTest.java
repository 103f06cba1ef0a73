package mnistshell.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The opener's own guarantees, below the commands (which DataLoad/Load/Run tests check through the shell). */
class ReadableFileTest {

    @TempDir
    Path dir;

    /**
     * The race the type check cannot close: a FIFO swapped in after the check makes the open wait
     * for a writer. Ctrl-C must end that wait.
     */
    @Test
    void ctrlCEndsAnOpenThatWaitsOnAFifo() {
        Path fifo = dir.resolve("swapped-in");
        String why = FileSystemFixtures.mkfifo(fifo);
        assumeTrue(why == null, () -> "no FIFO can be made here: " + why);
        long pressAt = System.nanoTime() + 200_000_000L;
        BooleanSupplier ctrlC = () -> System.nanoTime() > pressAt;
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try (FileChannel channel = ReadableFile.openWatched(fifo, ctrlC)) {
                assertTrue(ctrlC.getAsBoolean(), "returned only once Ctrl-C was pressed");
            }
        });
    }

    @Test
    void aFifoIsRefusedWithoutOpeningIt() {
        Path fifo = dir.resolve("pipe");
        String why = FileSystemFixtures.mkfifo(fifo);
        assumeTrue(why == null, () -> "no FIFO can be made here: " + why);
        FileRefusal e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(FileRefusal.class, () -> ReadableFile.open(fifo, "data file", () -> false)));
        assertEquals(fifo + ": is a FIFO (named pipe): only regular files are read", e.getMessage());
    }

    @Test
    void ctrlCStopsAReadAndSaysHowFarItGot() throws IOException {
        Path file = Files.write(dir.resolve("big"), new byte[300_000]);
        AtomicInteger calls = new AtomicInteger();
        Thread reader = Thread.currentThread();
        // the opener asks once after opening; then every read asks: Ctrl-C arrives before the third
        BooleanSupplier ctrlC = () -> Thread.currentThread() == reader && calls.incrementAndGet() > 2;
        try (InputStream in = ReadableFile.open(file, "data file", ctrlC)) {
            ReadStopped e = assertThrows(ReadStopped.class, in::readAllBytes);
            assertEquals(file + ": reading stopped by Ctrl-C after 65536 bytes", e.getMessage());
        }
    }

    @Test
    void aFileLargerThanAllowedIsRefused() throws IOException {
        Path file = Files.write(dir.resolve("x.msh"), new byte[101]);
        FileRefusal e = assertThrows(FileRefusal.class, () -> ReadableFile.readAll(file, "command file", 100, () -> false));
        assertEquals(file + ": larger than 100 bytes: too large for a command file", e.getMessage());
        assertEquals(100, ReadableFile.readAll(Files.write(dir.resolve("y.msh"), new byte[100]), "command file", 100,
                () -> false).length);
    }
}
