package mnistshell.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import mnistshell.files.FileRefusal;
import mnistshell.files.ReadableFile;
import mnistshell.memory.Heap;
import mnistshell.errors.ShellError;

/**
 * Reads MNIST's IDX files: an image file (magic 2051) and a label file (magic 2049), raw or gzipped.
 *
 * <p>The format, all integers big-endian: a 4-byte magic number {@code 0x0000080N} (type 0x08 =
 * unsigned byte, N dimensions), then N 4-byte dimension sizes, then the data. Gzip is recognised by
 * its own magic bytes, never by the file name. Every refusal is a {@link ShellError} naming the file,
 * the byte offset (in the uncompressed stream) and what was expected.
 */
public final class IdxReader {

    static final int IMAGES_MAGIC = 0x00000803;
    static final int LABELS_MAGIC = 0x00000801;
    /**
     * Largest array the JVM can make at all, whatever the heap: not a memory cap (the heap left is
     * checked first, see {@link mnistshell.memory.Heap}), only Java's limit on one array's length.
     */
    private static final long MAX_BYTES = Integer.MAX_VALUE - 8;

    private IdxReader() {
    }

    /** Reads an image file and its label file from disk. */
    public static Dataset read(Path images, Path labels) {
        return read(images, labels, 0, 0);
    }

    /** Reads an image file and its label file from disk; images must be {@code rows x cols} (0, 0: any). */
    public static Dataset read(Path images, Path labels, int rows, int cols) {
        try (InputStream img = open(images); InputStream lab = open(labels)) {
            return read(images.toString(), img, labels.toString(), lab, rows, cols);
        } catch (FileRefusal e) {
            throw new ShellError(e.getMessage());
        } catch (IOException e) {
            throw new ShellError(images + ": cannot read: " + e.getMessage()); // from close: nothing lost
        }
    }

    /**
     * Reads a pair of IDX streams, each raw or gzipped; {@code imagesName} and {@code labelsName}
     * name them in messages.
     */
    public static Dataset read(String imagesName, InputStream images, String labelsName, InputStream labels) {
        return read(imagesName, images, labelsName, labels, 0, 0);
    }

    /**
     * Reads a pair of IDX streams whose images must be {@code rows x cols} (0 and 0: any size),
     * refusing other sizes from the header, before any pixel is read.
     */
    public static Dataset read(String imagesName, InputStream images, String labelsName, InputStream labels,
            int requiredRows, int requiredCols) {
        Section img = new Section(imagesName, decompressed(imagesName, images));
        img.expectMagic(IMAGES_MAGIC, "an IDX image file (magic 2051)");
        int count = img.readDimension("image count");
        int rows = img.readDimension("row count");
        int cols = img.readDimension("column count");
        if (count == 0 || rows == 0 || cols == 0) {
            throw new ShellError(imagesName + ": byte 4: holds no pixels (" + count + " images of "
                    + rows + "x" + cols + ")");
        }
        if (requiredRows > 0 && (rows != requiredRows || cols != requiredCols)) {
            throw new ShellError(imagesName + ": byte 8: expected " + requiredRows + "x" + requiredCols
                    + " images, found " + rows + "x" + cols);
        }
        String content = count + " images of " + rows + "x" + cols;
        byte[] pixels = img.readData((long) count * rows * cols, content);
        img.expectEnd(content);

        Section lab = new Section(labelsName, decompressed(labelsName, labels));
        lab.expectMagic(LABELS_MAGIC, "an IDX label file (magic 2049)");
        int labelCount = lab.readDimension("label count");
        if (labelCount != count) {
            throw new ShellError(labelsName + ": byte 4: holds " + labelCount + " labels but "
                    + imagesName + " holds " + count + " images");
        }
        byte[] labelBytes = lab.readData(count, count + " labels");
        lab.expectEnd(count + " labels");
        for (int i = 0; i < count; i++) {
            if (labelBytes[i] < 0 || labelBytes[i] >= Dataset.CLASSES) {
                throw new ShellError(labelsName + ": byte " + (8 + i) + ": label " + (labelBytes[i] & 0xFF)
                        + " of image " + i + " is not a digit 0-9");
            }
        }
        return new Dataset(imagesName, rows, cols, pixels, labelBytes);
    }

    private static InputStream open(Path path) throws FileRefusal {
        return ReadableFile.open(path, DataFile.KIND, () -> false);
    }

    /** The stream itself, or its gunzipped content when it starts with gzip's magic bytes. */
    private static InputStream decompressed(String name, InputStream in) {
        InputStream buffered = in.markSupported() ? in : new BufferedInputStream(in);
        try {
            buffered.mark(2);
            int b0 = buffered.read();
            int b1 = buffered.read();
            buffered.reset();
            if (b0 == 0x1f && b1 == 0x8b) {
                return new BufferedInputStream(new GZIPInputStream(buffered, 1 << 16), 1 << 16);
            }
            return buffered;
        } catch (IOException e) {
            throw new ShellError(name + ": not a valid gzip stream: " + e.getMessage());
        }
    }

    /** One IDX stream being read, with the offset reached so far for messages. */
    private static final class Section {
        private final String name;
        private final InputStream in;
        private long offset;

        Section(String name, InputStream in) {
            this.name = name;
            this.in = in;
        }

        void expectMagic(int magic, String expected) {
            long at = offset;
            int found = readInt(expected);
            if (found != magic) {
                throw new ShellError(String.format("%s: byte %d: expected %s, found 0x%08x",
                        name, at, expected, found));
            }
        }

        int readDimension(String what) {
            long at = offset;
            int value = readInt(what);
            if (value < 0) {
                throw new ShellError(name + ": byte " + at + ": " + what + " " + Integer.toUnsignedString(value)
                        + " is too large");
            }
            return value;
        }

        /** Reads exactly {@code length} bytes, growing the buffer as data arrives, never up front. */
        byte[] readData(long length, String what) {
            if (length > MAX_BYTES) {
                throw new ShellError(name + ": byte " + offset + ": header promises " + what + ", "
                        + length + " bytes, more than can be held");
            }
            // read as it arrives, then joined: twice the bytes at the peak
            String shortfall = Heap.shortfall(2 * length, "to hold " + what);
            if (shortfall != null) {
                throw new ShellError(name + ": byte " + offset + ": header promises " + what + ", which "
                        + shortfall);
            }
            try {
                byte[] data = in.readNBytes((int) length);
                if (data.length < length) {
                    throw new ShellError(name + ": byte " + (offset + data.length) + ": file ends early: header promises "
                            + what + " (" + length + " bytes from byte " + offset + "), found " + data.length);
                }
                offset += length;
                return data;
            } catch (EOFException | ZipException e) {
                throw new ShellError(name + ": truncated or damaged gzip stream near byte " + offset
                        + " while reading " + what + ": " + e.getMessage());
            } catch (IOException e) {
                throw new ShellError(name + ": cannot read near byte " + offset + ": " + e.getMessage());
            }
        }

        /**
         * Checks that nothing follows the data the header promised. Reading on also makes a gzip
         * stream check its trailer, so a download cut short only there is caught too.
         */
        void expectEnd(String what) {
            try {
                if (in.read() != -1) {
                    throw new ShellError(name + ": byte " + offset + ": expected the end of the file after " + what
                            + ", found more bytes (does the header's count match the data?)");
                }
            } catch (EOFException | ZipException e) {
                throw new ShellError(name + ": truncated or damaged gzip stream at its end, after " + what
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            } catch (IOException e) {
                throw new ShellError(name + ": cannot read near byte " + offset + ": " + e.getMessage());
            }
        }

        private int readInt(String what) {
            byte[] b;
            try {
                b = in.readNBytes(4);
            } catch (IOException e) {
                throw new ShellError(name + ": not a valid IDX or gzip stream near byte " + offset + ": " + e.getMessage());
            }
            if (b.length < 4) {
                throw new ShellError(name + ": byte " + (offset + b.length) + ": file ends, expected the 4-byte " + what);
            }
            offset += 4;
            return ((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
        }
    }
}
