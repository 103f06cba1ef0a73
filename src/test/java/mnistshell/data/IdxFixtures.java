package mnistshell.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.zip.GZIPOutputStream;

/** Builds IDX files byte by byte, straight from the format's description, for tests. */
public final class IdxFixtures {

    private IdxFixtures() {
    }

    /** An IDX3 image file: magic 2051, count, rows, cols, then the pixels. */
    public static byte[] images(int count, int rows, int cols, byte[] pixels) {
        ByteBuffer b = ByteBuffer.allocate(16 + pixels.length);
        b.putInt(2051).putInt(count).putInt(rows).putInt(cols).put(pixels);
        return b.array();
    }

    /** An IDX1 label file: magic 2049, count, then the labels. */
    public static byte[] labels(byte[] labels) {
        ByteBuffer b = ByteBuffer.allocate(8 + labels.length);
        b.putInt(2049).putInt(labels.length).put(labels);
        return b.array();
    }

    public static byte[] gzip(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
