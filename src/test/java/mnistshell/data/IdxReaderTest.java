package mnistshell.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import mnistshell.errors.ShellError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

    /** Two 2x3 images: the first counts 0..5, the second is 250..255. */
    static final byte[] PIXELS = {0, 1, 2, 3, 4, 5, (byte) 250, (byte) 251, (byte) 252, (byte) 253, (byte) 254, (byte) 255};
    static final byte[] LABELS = {7, 2};

    @TempDir
    Path dir;

    @Test
    void readsRawFilesFromDisk() throws IOException {
        Path images = Files.write(dir.resolve("imgs"), IdxFixtures.images(2, 2, 3, PIXELS));
        Path labels = Files.write(dir.resolve("labs"), IdxFixtures.labels(LABELS));

        Dataset d = IdxReader.read(images, labels);

        assertEquals(2, d.size());
        assertEquals(2, d.rows());
        assertEquals(3, d.cols());
        assertEquals(7, d.label(0));
        assertEquals(2, d.label(1));
        assertEquals(5, d.rawPixel(0, 5));
        assertEquals(255, d.rawPixel(1, 5), "bytes above 127 are unsigned");
        assertEquals(250 / 255.0, d.pixel(1, 0));
        assertArrayEquals(PIXELS, d.pixels());
    }

    @Test
    void gzipIsRecognisedByContentNotName() throws IOException {
        // named .raw but gzipped, and named .gz but raw
        Path images = Files.write(dir.resolve("images.raw"), IdxFixtures.gzip(IdxFixtures.images(2, 2, 3, PIXELS)));
        Path labels = Files.write(dir.resolve("labels.gz"), IdxFixtures.labels(LABELS));

        Dataset d = IdxReader.read(images, labels);

        assertArrayEquals(PIXELS, d.pixels());
        assertArrayEquals(LABELS, d.labels());
    }

    @Test
    void wrongMagicNamesFileOffsetAndExpectation() {
        byte[] swapped = IdxFixtures.labels(LABELS); // a label file given as images
        ShellError e = refuse(swapped, IdxFixtures.labels(LABELS));
        assertTrue(e.getMessage().startsWith("img: byte 0: expected an IDX image file (magic 2051), found 0x00000801"),
                e.getMessage());
    }

    @Test
    void truncatedPixelsAreRefusedWithTheOffsetReached() {
        byte[] full = IdxFixtures.images(2, 2, 3, PIXELS);
        byte[] cut = Arrays.copyOf(full, full.length - 4);
        ShellError e = refuse(cut, IdxFixtures.labels(LABELS));
        assertTrue(e.getMessage().contains("img: byte " + (full.length - 4) + ": file ends early"), e.getMessage());
    }

    @Test
    void truncatedGzipIsRefused() {
        byte[] gz = IdxFixtures.gzip(IdxFixtures.images(2, 2, 3, PIXELS));
        ShellError e = refuse(Arrays.copyOf(gz, gz.length - 10), IdxFixtures.labels(LABELS));
        assertTrue(e.getMessage().startsWith("img:"), e.getMessage());
    }

    @Test
    void headerPromisingMoreThanCanBeHeldIsRefusedBeforeAllocating() {
        byte[] huge = IdxFixtures.images(Integer.MAX_VALUE, 28, 28, new byte[0]);
        ShellError e = refuse(huge, IdxFixtures.labels(LABELS));
        assertTrue(e.getMessage().contains("more than can be held"), e.getMessage());
    }

    @Test
    void countsThatDisagreeAreRefused() {
        ShellError e = refuse(IdxFixtures.images(2, 2, 3, PIXELS), IdxFixtures.labels(new byte[] {1, 2, 3}));
        assertTrue(e.getMessage().contains("holds 3 labels but img holds 2 images"), e.getMessage());
    }

    @Test
    void labelOutsideZeroToNineIsRefusedAtItsByte() {
        ShellError e = refuse(IdxFixtures.images(2, 2, 3, PIXELS), IdxFixtures.labels(new byte[] {1, 12}));
        assertTrue(e.getMessage().startsWith("lab: byte 9: label 12 of image 1"), e.getMessage());
    }

    @Test
    void missingFileIsNamed() {
        Path missing = dir.resolve("nope");
        ShellError e = assertThrows(ShellError.class, () -> IdxReader.read(missing, missing));
        assertTrue(e.getMessage().contains("nope: no such data file"), e.getMessage());
    }

    private static ShellError refuse(byte[] images, byte[] labels) {
        return assertThrows(ShellError.class, () -> IdxReader.read(
                "img", new ByteArrayInputStream(images), "lab", new ByteArrayInputStream(labels)));
    }
}
