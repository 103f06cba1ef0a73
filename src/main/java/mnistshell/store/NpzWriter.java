package mnistshell.store;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a {@code .npz}: a zip of named entries, as {@code np.savez} does. Entries go in the order
 * given, arrays stored uncompressed (as np.savez stores them) and text (session.json, whose history
 * compresses several-fold) deflated at a fixed level, each with the same fixed time: the same session
 * gives the same bytes in any time zone, at any hour (and with the same zlib, on any machine).
 */
public final class NpzWriter {

    /** A fixed entry time inside the range of the zip format's DOS dates (no extra time fields then). */
    static final LocalDateTime FIXED_TIME = LocalDateTime.of(2000, 1, 1, 0, 0, 0);

    private NpzWriter() {
    }

    /** Writes {@code entries} (name to content) to {@code out}, which it finishes but does not close. */
    public static void write(Map<String, byte[]> entries, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        zip.setLevel(Deflater.BEST_COMPRESSION);
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            zip.putNextEntry(e.getKey().endsWith(".npy") ? storedEntry(e.getKey(), e.getValue())
                    : deflatedEntry(e.getKey()));
            zip.write(e.getValue());
            zip.closeEntry();
        }
        zip.finish();
    }

    private static ZipEntry deflatedEntry(String name) {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.DEFLATED);
        entry.setTimeLocal(FIXED_TIME);
        return entry;
    }

    private static ZipEntry storedEntry(String name, byte[] content) {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(content.length);
        entry.setCompressedSize(content.length);
        CRC32 crc = new CRC32();
        crc.update(content);
        entry.setCrc(crc.getValue());
        entry.setTimeLocal(FIXED_TIME);
        return entry;
    }
}
