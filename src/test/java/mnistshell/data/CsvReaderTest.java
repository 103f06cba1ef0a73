package mnistshell.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import mnistshell.errors.ShellError;
import org.junit.jupiter.api.Test;

/** The CSV parser on 2x2 images (4 pixels), where every expected byte is written out by hand. */
class CsvReaderTest {

    static final String HEADER = "label,pixel0,pixel1,pixel2,pixel3\n";

    @Test
    void kaggleTrainWithHeader() {
        CsvReader.Table t = read(HEADER + "7,0,1,128,255\n3,10,20,30,40\n");
        assertTrue(t.header());
        assertEquals(2, t.count());
        assertArrayEquals(new byte[] {7, 3}, t.labels());
        assertArrayEquals(new byte[] {0, 1, (byte) 128, (byte) 255, 10, 20, 30, 40}, t.pixels());
    }

    @Test
    void crlfBomNoFinalNewlineAndBlankLinesAreAccepted() {
        String body = "label,pixel0,pixel1,pixel2,pixel3\r\n7,0,1,128,255\r\n\r\n3,10,20,30,40";
        byte[] bytes = CsvFixtures.withBom(body.getBytes(StandardCharsets.US_ASCII));
        CsvReader.Table t = CsvReader.read("f.csv", new ByteArrayInputStream(bytes), 4);
        assertArrayEquals(new byte[] {7, 3}, t.labels());
        assertArrayEquals(new byte[] {0, 1, (byte) 128, (byte) 255, 10, 20, 30, 40}, t.pixels());
    }

    @Test
    void withoutHeaderTheFieldCountTellsLabelledFromUnlabelled() {
        CsvReader.Table labelled = read("7,0,1,2,3\n");
        assertFalse(labelled.header());
        assertArrayEquals(new byte[] {7}, labelled.labels());
        assertArrayEquals(new byte[] {0, 1, 2, 3}, labelled.pixels());

        CsvReader.Table unlabelled = read("0,1,2,3\n4,5,6,7\n");
        assertNull(unlabelled.labels());
        assertArrayEquals(new byte[] {0, 1, 2, 3, 4, 5, 6, 7}, unlabelled.pixels());
    }

    @Test
    void kaggleTestHeaderHasNoLabels() {
        CsvReader.Table t = read("pixel0,pixel1,pixel2,pixel3\n9,8,7,6\n");
        assertNull(t.labels());
        assertArrayEquals(new byte[] {9, 8, 7, 6}, t.pixels());
    }

    @Test
    void moreImagesThanOneBlockAreJoinedInOrder() {
        int n = CsvReader.BLOCK * 2 + 5;
        StringBuilder s = new StringBuilder(HEADER);
        for (int i = 0; i < n; i++) {
            s.append(i % 10).append(',').append(i % 256).append(",0,0,").append((i / 256) % 256).append('\n');
        }
        CsvReader.Table t = read(s.toString());
        assertEquals(n, t.count());
        for (int i = 0; i < n; i++) {
            assertEquals(i % 10, t.labels()[i]);
            assertEquals(i % 256, t.pixels()[4 * i] & 0xFF);
            assertEquals((i / 256) % 256, t.pixels()[4 * i + 3] & 0xFF);
        }
    }

    @Test
    void refusalsNameLineFieldExpectationAndFinding() {
        assertEquals("f.csv: file is empty: expected a CSV header or lines of pixels", refuse(""));
        assertEquals("f.csv: line 1: a header but no lines of pixels follow", refuse(HEADER));
        assertEquals("f.csv: line 3: expected 5 fields (label, pixel0..pixel3), found 4",
                refuse(HEADER + "1,0,0,0,0\n1,0,0,0\n"));
        assertEquals("f.csv: line 2: expected 5 fields (label, pixel0..pixel3), found 7", refuse(HEADER + "1,0,0,0,0,9,9\n"));
        assertEquals("f.csv: line 2: field 3: expected pixel1, an integer 0-255, found '3.5'", refuse(HEADER + "1,0,3.5,0,0\n"));
        assertEquals("f.csv: line 2: field 5: expected pixel3, an integer 0-255, found '256'", refuse(HEADER + "1,0,0,0,256\n"));
        assertEquals("f.csv: line 2: field 2: expected pixel0, an integer 0-255, found '-1'", refuse(HEADER + "1,-1,0,0,0\n"));
        assertEquals("f.csv: line 2: field 1: expected the label, a digit 0-9, found '12'", refuse(HEADER + "12,0,0,0,0\n"));
        assertEquals("f.csv: line 2: field 4: expected pixel2, an integer 0-255, found an empty field",
                refuse(HEADER + "1,0,0,,0\n"));
        assertEquals("f.csv: line 1: expected 5 fields (label, pixel0..pixel3) or 4 (pixels only), found 3",
                refuse("1,2,3\n"));
        assertTrue(refuse("id,pixel0,pixel1,pixel2,pixel3\n1,0,0,0,0\n")
                .equals("f.csv: line 1: header 'id,pixel0,pixel1,pixel2,...' is not [label,]pixel0..pixel3"));
    }

    @Test
    void aBadByteIsShownEscaped() {
        String message = refuse(HEADER + "1,0,\u00ff,0,0\n");
        assertEquals("f.csv: line 2: field 3: expected pixel1, an integer 0-255, found '\\xff'", message);
    }

    /** Over 1 MB read in odd-sized pieces, so that fields straddle every refill of the parser's buffer. */
    @Test
    void fieldsAcrossBufferRefillsParseAndAreShownWhole() {
        int n = 120_000;
        StringBuilder s = new StringBuilder(HEADER);
        for (int i = 0; i < n; i++) {
            s.append(i % 10).append(',').append(i % 256).append(",1,22,").append(i % 200).append('\n');
        }
        CsvReader.Table t = CsvReader.read("f.csv", trickle(s.toString(), 997), 4);
        assertEquals(n, t.count());
        for (int i = 0; i < n; i++) {
            assertEquals(i % 256, t.pixels()[4 * i] & 0xFF, "image " + i);
            assertEquals(i % 200, t.pixels()[4 * i + 3] & 0xFF, "image " + i);
        }
        String bad = s + "1,2,3,4,12345678x9\n";
        ShellError e = assertThrows(ShellError.class, () -> CsvReader.read("f.csv", trickle(bad, 997), 4));
        assertEquals("f.csv: line " + (n + 2) + ": field 5: expected pixel3, an integer 0-255, found '12345678x9'",
                e.getMessage());
    }

    /** A stream that hands out at most {@code piece} bytes per read. */
    private static java.io.InputStream trickle(String text, int piece) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, piece));
            }
        };
    }

    private static CsvReader.Table read(String text) {
        return CsvReader.read("f.csv", new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)), 4);
    }

    private static String refuse(String text) {
        return assertThrows(ShellError.class, () -> read(text)).getMessage();
    }
}
