package mnistshell.data;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.BooleanSupplier;
import java.util.zip.GZIPInputStream;
import mnistshell.files.FileRefusal;
import mnistshell.files.ReadableFile;
import mnistshell.errors.ShellError;

/**
 * A file given to {@code data load}, opened once and told apart by its content, never by its name:
 * gzip by its magic bytes, then (inside) IDX by its magic number, CSV by starting with text.
 */
final class DataFile implements Closeable {

    enum Kind { IDX_IMAGES, IDX_LABELS, CSV }

    private static final int GZIP_BUFFER = 1 << 16;
    /** How many bytes (after gunzipping) are looked at to tell a format. */
    private static final int SNIFF = 64;
    static final String KIND = "data file";

    private final Path path;
    private final Kind kind;
    private final boolean gzipped;
    private final InputStream content;

    private DataFile(Path path, Kind kind, boolean gzipped, InputStream content) {
        this.path = path;
        this.kind = kind;
        this.gzipped = gzipped;
        this.content = content;
    }

    /**
     * Opens {@code path} once, through {@link ReadableFile} (regular files only), and tells its
     * format from the first bytes, looked at through the same stream and given back to it: the
     * content then reads from byte 0 (gunzipped). Refuses an empty file, an unknown IDX magic number
     * and anything else unknown.
     */
    static DataFile open(Path path, BooleanSupplier cancelled) {
        InputStream raw;
        try {
            raw = ReadableFile.open(path, KIND, cancelled);
        } catch (FileRefusal e) {
            throw new ShellError(e.getMessage());
        }
        try {
            boolean gzipped = startsWithGzipMagic(raw);
            InputStream content = gzipped
                    ? new BufferedInputStream(new GZIPInputStream(raw, GZIP_BUFFER), GZIP_BUFFER) : raw;
            content.mark(SNIFF);
            byte[] head = content.readNBytes(SNIFF);
            content.reset();
            return new DataFile(path, kind(path, head, gzipped), gzipped, content);
        } catch (IOException e) {
            closeQuietly(raw);
            throw unreadable(path, e);
        } catch (RuntimeException e) {
            closeQuietly(raw);
            throw e;
        }
    }

    Path path() {
        return path;
    }

    Kind kind() {
        return kind;
    }

    boolean gzipped() {
        return gzipped;
    }

    /** The file's bytes from the start, gunzipped when it is gzip. */
    InputStream content() {
        return content;
    }

    @Override
    public void close() {
        closeQuietly(content);
    }

    private static Kind kind(Path path, byte[] head, boolean gzipped) {
        if (head.length == 0) {
            throw new ShellError(path + ": file is empty" + (gzipped ? " inside its gzip" : "")
                    + ": expected an IDX file or a CSV of pixels");
        }
        if (head.length >= 4 && head[0] == 0 && head[1] == 0) {
            return idxKind(path, head);
        }
        int notText = firstNonText(head);
        if (notText < 0) {
            return Kind.CSV;
        }
        throw new ShellError(path + ": byte " + notText + ": expected an IDX file (magic 2051 or 2049), a CSV of"
                + " pixels, or either gzipped; found bytes " + hex(Arrays.copyOfRange(head, notText,
                Math.min(head.length, notText + 4))));
    }

    private static boolean startsWithGzipMagic(InputStream in) throws IOException {
        in.mark(2);
        byte[] magic = in.readNBytes(2);
        in.reset();
        return magic.length == 2 && (magic[0] & 0xFF) == 0x1f && (magic[1] & 0xFF) == 0x8b;
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // only read from: closing loses nothing
        }
    }

    /** The one-line refusal for a file that cannot be read or whose gzip is broken. */
    static ShellError unreadable(Path path, IOException e) {
        if (e instanceof EOFException || e instanceof java.util.zip.ZipException) {
            return new ShellError(path + ": byte 0: expected a complete gzip stream, found a damaged or truncated one: "
                    + e.getMessage());
        }
        return new ShellError(path + ": cannot read: " + e.getMessage());
    }
    private static Kind idxKind(Path path, byte[] head) {
        int magic = ((head[2] & 0xFF) << 8) | (head[3] & 0xFF);
        if (magic == IdxReader.IMAGES_MAGIC) {
            return Kind.IDX_IMAGES;
        }
        if (magic == IdxReader.LABELS_MAGIC) {
            return Kind.IDX_LABELS;
        }
        throw new ShellError(String.format("%s: byte 0: expected magic number 2051 (IDX images) or 2049"
                + " (IDX labels), found %d (0x%08x)", path, magic, magic));
    }

    /**
     * Where the first bytes stop looking like a CSV of pixels (printable ASCII and line ends, after
     * an optional UTF-8 byte-order mark, starting with a digit, a letter or a quote), or -1 if they don't.
     */
    private static int firstNonText(byte[] head) {
        int start = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB
                && (head[2] & 0xFF) == 0xBF ? 3 : 0;
        if (start < head.length && !Character.isLetterOrDigit(head[start] & 0xFF) && head[start] != '"') {
            return start;
        }
        for (int i = start; i < head.length; i++) {
            int b = head[i] & 0xFF;
            if ((b < 0x20 || b > 0x7e) && b != '\n' && b != '\r' && b != '\t') {
                return i;
            }
        }
        return -1;
    }

    private static String hex(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (byte b : bytes) {
            s.append(s.length() == 0 ? "" : " ").append(String.format("%02x", b & 0xFF));
        }
        return s.toString();
    }
}
