package mnistshell.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every accepted form gives the same images and labels as the IDX reader: the CSVs are written by
 * the test itself from the embedded sample (read from its IDX files), byte by byte from the format.
 */
class DatasetLoaderTest {

    static Dataset sample;

    @TempDir
    Path dir;

    @BeforeAll
    static void readSample() {
        sample = EmbeddedSample.load();
    }

    @Test
    void kaggleCsvOfTheWholeSampleEqualsTheIdxFiles() throws IOException {
        Path csv = Files.write(dir.resolve("train.csv"),
                CsvFixtures.bytes(CsvFixtures.csv(sample, sample.size(), true, true, "\n")));
        Loaded loaded = DatasetLoader.load(csv, null);
        assertTrue(loaded.isLabelled());
        assertArrayEquals(sample.pixels(), loaded.data().pixels());
        assertArrayEquals(sample.labels(), loaded.data().labels());
        assertEquals(28, loaded.data().rows());
        assertEquals(0, loaded.givenTest());
        assertEquals(csv + " (CSV with header)", loaded.data().source());
    }

    @Test
    void gzippedCrlfCsvWithByteOrderMarkEqualsTheIdxFiles() throws IOException {
        byte[] text = CsvFixtures.withBom(CsvFixtures.bytes(CsvFixtures.csv(sample, 500, true, true, "\r\n")));
        Path csv = Files.write(dir.resolve("train.csv"), IdxFixtures.gzip(text)); // the name does not say gzip
        Loaded loaded = DatasetLoader.load(csv, null);
        assertArrayEquals(Arrays.copyOf(sample.pixels(), 500 * 784), loaded.data().pixels());
        assertArrayEquals(Arrays.copyOf(sample.labels(), 500), loaded.data().labels());
        assertEquals("CSV with header, gzipped", loaded.format());
    }

    @Test
    void csvWithoutHeaderEqualsTheIdxFiles() throws IOException {
        Path csv = Files.write(dir.resolve("digits.txt"), CsvFixtures.bytes(CsvFixtures.csv(sample, 300, false, true, "\n")));
        Loaded loaded = DatasetLoader.load(csv, null);
        assertArrayEquals(Arrays.copyOf(sample.pixels(), 300 * 784), loaded.data().pixels());
        assertArrayEquals(Arrays.copyOf(sample.labels(), 300), loaded.data().labels());
        assertEquals("CSV without header", loaded.format());
    }

    @Test
    void kaggleTestCsvIsAnUnlabelledSet() throws IOException {
        Path csv = Files.write(dir.resolve("test.csv"), CsvFixtures.bytes(CsvFixtures.csv(sample, 200, true, false, "\n")));
        Loaded loaded = DatasetLoader.load(csv, null);
        assertFalse(loaded.isLabelled());
        assertEquals(200, loaded.unlabelled().size());
        assertArrayEquals(Arrays.copyOf(sample.pixels(), 200 * 784), loaded.unlabelled().pixels());
        assertEquals("CSV with header, no labels", loaded.format());
    }

    @Test
    void idxPairInEitherOrderRawOrGzipped() throws IOException {
        Path images = Files.write(dir.resolve("a"), IdxFixtures.gzip(idxImages(0, 50)));
        Path labels = Files.write(dir.resolve("b"), idxLabels(0, 50));
        for (Loaded loaded : new Loaded[] {DatasetLoader.load(images, labels), DatasetLoader.load(labels, images)}) {
            assertArrayEquals(Arrays.copyOf(sample.pixels(), 50 * 784), loaded.data().pixels());
            assertArrayEquals(Arrays.copyOf(sample.labels(), 50), loaded.data().labels());
            assertEquals(images + " (IDX images and labels, gzipped)", loaded.data().source());
        }
    }

    @Test
    void mnistDirectoryGivesTrainAndKeepsItsTestSet() throws IOException {
        Files.write(dir.resolve("train-images-idx3-ubyte.gz"), IdxFixtures.gzip(idxImages(0, 300)));
        Files.write(dir.resolve("train-labels-idx1-ubyte.gz"), IdxFixtures.gzip(idxLabels(0, 300)));
        Files.write(dir.resolve("t10k-images-idx3-ubyte"), idxImages(300, 400));
        Files.write(dir.resolve("t10k-labels-idx1-ubyte"), idxLabels(300, 400));
        Files.writeString(dir.resolve("README.txt"), "not data\n");

        Loaded loaded = DatasetLoader.load(dir, null);

        assertArrayEquals(Arrays.copyOf(sample.pixels(), 400 * 784), loaded.data().pixels());
        assertArrayEquals(Arrays.copyOf(sample.labels(), 400), loaded.data().labels());
        assertEquals(100, loaded.givenTest());
        Split split = loaded.givenSplit();
        assertEquals(300, split.train().length);
        assertEquals(300, split.test()[0]);
        assertEquals(399, split.test()[99]);
    }

    /** IDX image bytes of sample images {@code from..to-1}. */
    private static byte[] idxImages(int from, int to) {
        return IdxFixtures.images(to - from, 28, 28, Arrays.copyOfRange(sample.pixels(), from * 784, to * 784));
    }

    private static byte[] idxLabels(int from, int to) {
        return IdxFixtures.labels(Arrays.copyOfRange(sample.labels(), from, to));
    }
}
