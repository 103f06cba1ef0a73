package mnistshell.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mnistshell.shell.ShellError;

/**
 * numpy's {@code .npy} format for float64 arrays, the one dtype a session holds: a magic string
 * {@code \x93NUMPY}, a version, a Python-literal header {@code {'descr': '<f8', 'fortran_order':
 * False, 'shape': (10, 784), }} padded to a multiple of 64 bytes, then the values little-endian in
 * C (row-major) order. See numpy's {@code numpy/lib/format.py}.
 */
public final class Npy {

    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** Headers numpy writes are a few hundred bytes; more is not a real array file. */
    static final int MAX_HEADER = 65_536;
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern ORDER = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {
    }

    /** An array read back: its shape as declared ((n,) or (rows, cols)) and its values in C order. */
    public record Array(int[] shape, double[] values) {
        public int rows() {
            return shape[0];
        }

        /** Columns, or 1 for a 1-D array (numpy's (n,) bias reads as (n, 1)). */
        public int columns() {
            return shape.length == 1 ? 1 : shape[1];
        }

        /** The values as rows of a (rows, columns) matrix. */
        public double[][] matrix() {
            double[][] m = new double[rows()][columns()];
            for (int i = 0; i < m.length; i++) {
                System.arraycopy(values, i * columns(), m[i], 0, columns());
            }
            return m;
        }

        /** "(10, 784)" or "(10,)", as numpy prints shapes. */
        public String shapeText() {
            return shape.length == 1 ? "(" + shape[0] + ",)" : "(" + shape[0] + ", " + shape[1] + ")";
        }
    }

    /** A (rows, cols) float64 array in version 1.0 of the format, as {@code np.save} writes it. */
    public static byte[] write(double[][] a) {
        int rows = a.length;
        int cols = rows == 0 ? 0 : a[0].length;
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + rows + ", " + cols + "), }";
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
        int pad = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        ByteBuffer b = ByteBuffer.allocate(MAGIC.length + 4 + header.length() + rows * cols * 8)
                .order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
        b.put(header.getBytes(StandardCharsets.US_ASCII));
        for (double[] row : a) {
            for (double v : row) {
                b.putDouble(v);
            }
        }
        return b.array();
    }

    /**
     * Reads one array from {@code in}, refusing anything but a finite float64 array in C order of one
     * or two dimensions whose values take at most {@code maxBytes}, and refusing trailing bytes.
     * {@code where} names the file and entry in the messages.
     */
    public static Array read(InputStream in, String where, long maxBytes) throws IOException {
        String header = header(in, where);
        String descr = find(DESCR, header, where, "'descr'");
        if (!descr.equals("<f8")) {
            throw bad(where, "expected dtype '<f8' (float64, little-endian), found '" + descr
                    + "'; save it with a.astype(np.float64)");
        }
        if (find(ORDER, header, where, "'fortran_order'").equals("True")) {
            throw bad(where, "expected C order, found Fortran order; save np.ascontiguousarray(a)");
        }
        int[] shape = shape(find(SHAPE, header, where, "'shape'"), where);
        long count = (long) shape[0] * (shape.length == 2 ? shape[1] : 1);
        if (count * 8 > maxBytes) {
            throw bad(where, "shape " + new Array(shape, null).shapeText() + " needs " + count * 8
                    + " bytes, more than the " + maxBytes + " allowed here (the architecture's): refused");
        }
        double[] values = values(in, (int) count, where);
        return new Array(shape, values);
    }

    private static String header(InputStream in, String where) throws IOException {
        byte[] magic = in.readNBytes(MAGIC.length + 2);
        if (magic.length < MAGIC.length + 2 || !Arrays.equals(Arrays.copyOf(magic, MAGIC.length), MAGIC)) {
            throw bad(where, "not a .npy array: expected the magic \\x93NUMPY at its start");
        }
        int major = magic[MAGIC.length];
        if (major < 1 || major > 3) {
            throw bad(where, "expected .npy format version 1, 2 or 3, found " + major);
        }
        byte[] lengthBytes = in.readNBytes(major == 1 ? 2 : 4);
        ByteBuffer lb = ByteBuffer.wrap(Arrays.copyOf(lengthBytes, 4)).order(ByteOrder.LITTLE_ENDIAN);
        long length = Integer.toUnsignedLong(lb.getInt());
        if (lengthBytes.length < (major == 1 ? 2 : 4) || length > MAX_HEADER) {
            throw bad(where, "the .npy header length is cut short or larger than " + MAX_HEADER + " bytes");
        }
        byte[] text = in.readNBytes((int) length);
        if (text.length < length) {
            throw bad(where, "the .npy header is cut short");
        }
        return new String(text, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    }

    private static String find(Pattern p, String header, String where, String key) {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            throw bad(where, "the .npy header has no " + key + ": found " + header.strip());
        }
        return m.group(1);
    }

    private static int[] shape(String text, String where) {
        String[] parts = Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .toArray(String[]::new);
        if (parts.length < 1 || parts.length > 2) {
            throw bad(where, "expected a 1-D or 2-D array, found shape (" + text + ")");
        }
        int[] shape = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                shape[i] = Integer.parseInt(parts[i].replace("L", ""));
            } catch (NumberFormatException e) {
                throw bad(where, "the .npy shape (" + text + ") is not a list of sizes");
            }
            if (shape[i] < 1) {
                throw bad(where, "expected sizes of at least 1, found shape (" + text + ")");
            }
        }
        return shape;
    }

    private static double[] values(InputStream in, int count, String where) throws IOException {
        byte[] raw = in.readNBytes(count * 8);
        if (raw.length < count * 8) {
            throw bad(where, "expected " + count * 8 + " bytes of values, found only " + raw.length
                    + ": the array is cut short");
        }
        if (in.read() != -1) {
            throw bad(where, "more bytes than its shape declares: the entry is larger than the array it claims");
        }
        double[] values = new double[count];
        ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(values);
        for (int i = 0; i < count; i++) {
            if (!Double.isFinite(values[i])) {
                throw bad(where, "value " + i + " is " + values[i] + ", expected finite numbers only");
            }
        }
        return values;
    }

    static ShellError bad(String where, String message) {
        return new ShellError(where + ": " + message);
    }

    /** Bytes of {@code in} up to {@code max}, for small entries such as session.json. */
    static byte[] readAtMost(InputStream in, long max, String where) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            total += n;
            if (total > max) {
                throw bad(where, "larger than the " + max + " bytes allowed: refused (a damaged or hostile file)");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
