package mnistshell.data;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import mnistshell.shell.ShellError;

/**
 * A file given to {@code data load}, told apart by its content and never by its name: gzip by its
 * magic bytes, then (inside) IDX by its magic number, CSV by starting with text.
 */
final class DataFile {

    enum Kind { IDX_IMAGES, IDX_LABELS, CSV }

    private static final int GZIP_BUFFER = 1 << 16;
    /** How many bytes (after gunzipping) are looked at to tell a format. */
    private static final int SNIFF = 64;

    private DataFile() {
    }

    /** What {@code path} holds; refuses an empty file, an unknown IDX magic number and anything else unknown. */
    static Kind kind(Path path) {
        byte[] head;
        try (InputStream in = open(path)) {
            head = in.readNBytes(SNIFF);
        } catch (IOException e) {
            throw unreadable(path, e);
        }
        if (head.length == 0) {
            throw new ShellError(path + ": file is empty" + (gzipped(path) ? " inside its gzip" : "")
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

    /** The file's bytes, gunzipped when it starts with gzip's magic. The caller closes it. */
    static InputStream open(Path path) throws IOException {
        InputStream raw = Files.newInputStream(path);
        if (!gzipped(path)) {
            return raw;
        }
        try {
            return new GZIPInputStream(raw, GZIP_BUFFER);
        } catch (IOException e) {
            raw.close();
            throw e;
        }
    }

    static boolean gzipped(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] magic = in.readNBytes(2);
            return magic.length == 2 && (magic[0] & 0xFF) == 0x1f && (magic[1] & 0xFF) == 0x8b;
        } catch (IOException e) {
            throw unreadable(path, e);
        }
    }

    /** The one-line refusal for a file that cannot be opened or whose gzip is broken. */
    static ShellError unreadable(Path path, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new ShellError(path + ": no such file");
        }
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
