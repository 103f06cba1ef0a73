package mnistshell.data;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipException;
import mnistshell.memory.Heap;
import mnistshell.errors.ShellError;

/**
 * Reads MNIST as CSV, one image a line: Kaggle's {@code train.csv} (header {@code label,pixel0,...}),
 * its {@code test.csv} (no label column), or either without a header. CRLF line ends and a UTF-8
 * byte-order mark are accepted; blank lines are skipped.
 *
 * <p>It parses bytes straight into the pixel array, one byte per pixel, with no String per field: a
 * 42,000-line file (93 MB) would otherwise make some 33 million short-lived objects. Images are
 * gathered in blocks of {@value #BLOCK} and joined once at the end, because a gzipped file's row
 * count is unknown until it ends. Every refusal is a {@link ShellError} naming the file, the line
 * (counting the header as line 1), the field, what was expected and what was found.
 */
public final class CsvReader {

    static final int BLOCK = 1024;
    private static final int BUFFER = 1 << 20;
    /** Java's limit on one array's length; what the heap can hold is checked block by block first. */
    private static final long MAX_BYTES = Integer.MAX_VALUE - 8;
    private static final int END = -1;

    /**
     * What a CSV held.
     *
     * @param count  number of images
     * @param pixels {@code count * features} unsigned bytes
     * @param labels {@code count} labels 0..9, or null when the file has no label column
     * @param header whether the first line was a header
     */
    public record Table(int count, byte[] pixels, byte[] labels, boolean header) {
        public boolean labelled() {
            return labels != null;
        }
    }

    private final String name;
    private final InputStream in;
    private final int features;
    private final byte[] buf = new byte[BUFFER];
    private int pos;
    private int end;
    /** Where the field being parsed starts in {@link #buf}; kept across refills for messages. */
    private int fieldStart;
    private long line = 1;

    private CsvReader(String name, InputStream in, int features) {
        this.name = name;
        this.in = in;
        this.features = features;
    }

    /** Reads a whole CSV of images with {@code features} pixels each; {@code name} names it in messages. */
    public static Table read(String name, InputStream in, int features) {
        return new CsvReader(name, in, features).readAll();
    }

    private Table readAll() {
        try {
            return readRows();
        } catch (EOFException | ZipException e) {
            throw new ShellError(name + ": line " + line + ": gzip stream ends early or is damaged"
                    + " (truncated download?)" + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (IOException e) {
            throw new ShellError(name + ": line " + line + ": cannot read: " + e.getMessage());
        }
    }

    private Table readRows() throws IOException {
        skipByteOrderMark();
        String first = firstLine();
        if (first == null) {
            throw new ShellError(name + ": file is empty: expected a CSV header or lines of pixels");
        }
        boolean header = CsvHeader.isHeader(first);
        boolean labelled = header ? CsvHeader.hasLabels(name, first, features)
                : CsvHeader.fieldsHaveLabels(name, first, features);
        if (header) {
            skipLine();
        }
        Table table = parseRows(labelled, header);
        if (table.count() == 0) {
            throw new ShellError(name + ": line 1: " + (header ? "a header but no lines of pixels follow"
                    : "no lines of pixels"));
        }
        return table;
    }

    private Table parseRows(boolean labelled, boolean header) throws IOException {
        int fields = features + (labelled ? 1 : 0);
        List<byte[]> pixelBlocks = new ArrayList<>();
        List<byte[]> labelBlocks = new ArrayList<>();
        byte[] pixels = null;
        byte[] labels = null;
        int count = 0;
        int inBlock = BLOCK;
        while (skipBlankLines()) {
            if (inBlock == BLOCK) {
                if ((long) (count + BLOCK) * features > MAX_BYTES) {
                    throw new ShellError(name + ": line " + line + ": more images than can be held");
                }
                // this block, and the one array the blocks are joined into at the end
                String shortfall = Heap.shortfall((long) (count + 2 * BLOCK) * features,
                        "to hold " + (count + BLOCK) + " images");
                if (shortfall != null) {
                    throw new ShellError(name + ": line " + line + ": " + shortfall);
                }
                pixels = new byte[BLOCK * features];
                labels = new byte[BLOCK];
                pixelBlocks.add(pixels);
                labelBlocks.add(labels);
                inBlock = 0;
            }
            parseRow(pixels, inBlock * features, labels, inBlock, labelled, fields);
            inBlock++;
            count++;
            line++;
        }
        return new Table(count, join(pixelBlocks, count * features, BLOCK * features),
                labelled ? join(labelBlocks, count, BLOCK) : null, header);
    }

    /** One line: the label (when there is one), then the pixels, then the line end. */
    private void parseRow(byte[] pixels, int at, byte[] labels, int image, boolean labelled, int fields)
            throws IOException {
        int field = 0;
        if (labelled) {
            int label = parseField(field, fields);
            if (label > 9) {
                throw fieldError(field, "the label, a digit 0-9");
            }
            labels[image] = (byte) label;
            field++;
        }
        for (int p = 0; p < features; p++, field++) {
            int value = parseField(field, fields);
            if (value > 255) {
                throw fieldError(field, "pixel" + p + ", an integer 0-255");
            }
            pixels[at + p] = (byte) value;
        }
    }

    /**
     * Parses field {@code field} (0-based) of {@code fields}: an unsigned decimal integer (capped, so
     * that a long one cannot overflow) and the delimiter after it, which must be a comma before the
     * last field and a line end after it. Returns the integer, or throws naming what was found.
     */
    private int parseField(int field, int fields) throws IOException {
        fieldStart = pos;
        int value = 0;
        int digits = 0;
        int b;
        while (true) {
            if (pos == end && !fill()) {
                b = END;
                break;
            }
            b = buf[pos++] & 0xFF;
            int d = b - '0';
            if (d < 0 || d > 9) {
                break;
            }
            value = Math.min(value * 10 + d, 100_000);
            digits++;
        }
        boolean last = field == fields - 1;
        if (b == ',' && !last && digits > 0) {
            return value;
        }
        if (isLineEnd(b) && last && digits > 0) {
            endLine(b);
            return value;
        }
        if (b == ',' && last && digits > 0) {
            throw countError(fields, fields + 1 + countRestOfLine());
        }
        if (isLineEnd(b) && !last && (digits > 0 || field > 0)) {
            throw countError(fields, field + 1);
        }
        if (b != END) {
            pos--; // give the offending byte back so the message can show it
        }
        throw fieldError(field, field == 0 && fields > features ? "the label, a digit 0-9"
                : "pixel" + (field - (fields - features)) + ", an integer 0-255");
    }

    private static boolean isLineEnd(int b) {
        return b == '\n' || b == '\r' || b == END;
    }

    /** After a line's last field: a CR must be followed by LF (or the end). */
    private void endLine(int b) throws IOException {
        if (b == '\r') {
            int next = peek();
            if (next == '\n') {
                pos++;
            } else if (next != END) {
                throw new ShellError(name + ": line " + line + ": expected a line end (LF or CRLF) after the last "
                        + "field, found a lone CR");
            }
        }
    }

    private ShellError countError(int expected, long found) {
        return new ShellError(name + ": line " + line + ": expected " + expected + " fields ("
                + (expected > features ? "label, " : "") + "pixel0..pixel" + (features - 1) + "), found " + found);
    }

    private ShellError fieldError(int field, String expected) throws IOException {
        return new ShellError(name + ": line " + line + ": field " + (field + 1) + ": expected " + expected
                + ", found " + foundText());
    }

    /** The field being parsed, as far as its next delimiter (at most 24 characters), quoted for a message. */
    private String foundText() throws IOException {
        StringBuilder s = new StringBuilder();
        for (int i = fieldStart; i < pos; i++) {
            if (isDelimiter(buf[i] & 0xFF)) {
                return quoted(s);
            }
            append(s, buf[i]);
        }
        int b;
        while (!isDelimiter(b = peek()) && s.length() < 24) {
            append(s, (byte) b);
            pos++;
        }
        return quoted(s);
    }

    private static boolean isDelimiter(int b) {
        return b == ',' || isLineEnd(b);
    }

    private static String quoted(StringBuilder s) {
        return s.length() == 0 ? "an empty field" : "'" + s + "'";
    }

    static void append(StringBuilder s, byte b) {
        if (b >= 0x20 && b < 0x7f) {
            s.append((char) b);
        } else {
            s.append(String.format("\\x%02x", b & 0xFF));
        }
    }

    /** Counts the fields left on the current line (after a surplus comma) for the "found N" of a message. */
    private long countRestOfLine() throws IOException {
        long extra = 0;
        int b;
        while ((b = peek()) != END && b != '\n' && b != '\r') {
            if (b == ',') {
                extra++;
            }
            pos++;
        }
        return extra;
    }

    // ---- the first line: header or data ----

    private void skipByteOrderMark() throws IOException {
        if (peek() == 0xEF && ensure(3) && (buf[pos + 1] & 0xFF) == 0xBB && (buf[pos + 2] & 0xFF) == 0xBF) {
            pos += 3;
        }
    }

    /** Line 1 without its line end, left unconsumed in the buffer; null for an empty file. */
    private String firstLine() throws IOException {
        if (peek() == END) {
            return null;
        }
        int i = pos;
        while (true) {
            if (i == end) {
                if (end == buf.length) {
                    throw new ShellError(name + ": line 1 is longer than " + (BUFFER >> 20)
                            + " MB: not a CSV of images");
                }
                if (!fill()) {
                    break;
                }
                i = Math.min(i, end);
                continue;
            }
            if (buf[i] == '\n' || buf[i] == '\r') {
                break;
            }
            i++;
        }
        return new String(buf, pos, i - pos, StandardCharsets.ISO_8859_1);
    }

    // ---- lines and the buffer ----

    private void skipLine() throws IOException {
        int b;
        while ((b = peek()) != END && b != '\n' && b != '\r') {
            pos++;
        }
        if (b != END) {
            pos++;
        }
        if (b == '\r' && peek() == '\n') {
            pos++;
        }
        line++;
    }

    /** Skips empty lines; false at the end of the file. */
    private boolean skipBlankLines() throws IOException {
        while (true) {
            int b = peek();
            if (b == END) {
                return false;
            }
            if (b != '\n' && b != '\r') {
                return true;
            }
            pos++;
            if (b == '\r' && peek() == '\n') {
                pos++;
            }
            line++;
        }
    }

    private int peek() throws IOException {
        return pos < end || fill() ? buf[pos] & 0xFF : END;
    }

    /** Whether {@code n} bytes from {@link #pos} are in the buffer (reading more if needed). */
    private boolean ensure(int n) throws IOException {
        while (end - pos < n) {
            if (!fill()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads more bytes, first moving the current field to the front of the buffer so that a message
     * can still show it. False at the end of the stream.
     */
    private boolean fill() throws IOException {
        int keep = Math.min(fieldStart, pos);
        if (keep > 0 && end == buf.length) {
            System.arraycopy(buf, keep, buf, 0, end - keep);
            end -= keep;
            pos -= keep;
            fieldStart -= keep;
        } else if (pos == end && end == buf.length) {
            pos = 0;
            end = 0;
            fieldStart = 0;
        }
        if (end == buf.length) {
            throw new ShellError(name + ": line " + line + ": a field longer than " + (BUFFER >> 20)
                    + " MB: not a CSV of images");
        }
        int n = in.read(buf, end, buf.length - end);
        if (n <= 0) {
            return false;
        }
        end += n;
        return true;
    }

    private static byte[] join(List<byte[]> blocks, int length, int blockLength) {
        byte[] all = new byte[length];
        for (int b = 0, at = 0; at < length; b++, at += blockLength) {
            System.arraycopy(blocks.get(b), 0, all, at, Math.min(blockLength, length - at));
        }
        return all;
    }
}
