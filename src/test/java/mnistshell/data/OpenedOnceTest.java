package mnistshell.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import mnistshell.nn.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Format detection and reading share one open: once the file is open, another file put in its place
 * (by the name) changes nothing of what is read. Had detection and reading each opened the name, the
 * load would read the replacement.
 */
class OpenedOnceTest {

    @TempDir
    Path dir;

    @Test
    void aGzippedCsvIsSniffedAndReadThroughTheOneOpenFile() throws IOException {
        Dataset data = TestData.random(40, 28, 28, 3);
        Path csv = Files.write(dir.resolve("train.csv.gz"),
                IdxFixtures.gzip(CsvFixtures.bytes(CsvFixtures.csv(data, 40, true, true, "\n"))));
        Path replacement = Files.write(dir.resolve("other"), new byte[] {(byte) 0x93, 1, 2, 3});
        AtomicBoolean swapped = new AtomicBoolean();
        Thread loader = Thread.currentThread();
        BooleanSupplier swapOnceOpen = () -> { // asked first right after the open
            if (Thread.currentThread() == loader && !swapped.getAndSet(true)) {
                try {
                    Files.move(replacement, csv, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            return false;
        };

        Loaded loaded = DatasetLoader.load(csv, null, swapOnceOpen);

        assertEquals(true, swapped.get());
        assertEquals("CSV with header, gzipped", loaded.format());
        assertArrayEquals(data.pixels(), loaded.data().pixels());
        assertArrayEquals(data.labels(), loaded.data().labels());
    }
}
