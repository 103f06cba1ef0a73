package mnistshell.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import mnistshell.errors.ShellError;

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

    private Npy() {
    }

    /**
     * An array read back: its shape as declared ((n,) or (rows, cols)) and its values in C order;
     * {@code widened} when the file held float32, each value widened to float64 exactly.
     */
    public record Array(int[] shape, double[] values, boolean widened) {
        public Array(int[] shape, double[] values) {
            this(shape, values, false);
        }

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
     * Reads one array from the whole of {@code entry}, refusing anything but a finite float64 array in
     * C order of one or two dimensions whose values take at most {@code maxBytes}, and refusing
     * trailing bytes. {@code where} names the file and entry in the messages.
     */
    public static Array read(byte[] entry, String where, long maxBytes) {
        ByteBuffer in = ByteBuffer.wrap(entry).order(ByteOrder.LITTLE_ENDIAN);
        NpyHeader header = NpyHeader.parse(header(in, where), where);
        if (header.descr().startsWith(">")) {
            throw bad(where, "big-endian '" + printable(header.descr()) + "' is not read; save a.astype('<f8')");
        }
        boolean single = header.descr().equals("<f4"); // float32, as other tools often save weights
        if (!single && !header.descr().equals("<f8")) {
            throw bad(where, "expected dtype '<f8' (float64) or '<f4', found '" + printable(header.descr())
                    + "'; save it with a.astype(np.float64)");
        }
        if (header.fortranOrder()) {
            throw bad(where, "expected C order, found Fortran order; save np.ascontiguousarray(a)");
        }
        int[] shape = shape(header.shape(), where);
        long count = (long) shape[0] * (shape.length == 2 ? shape[1] : 1);
        if (count * 8 > maxBytes) {
            throw bad(where, "shape " + new Array(shape, null).shapeText() + " needs " + count * 8
                    + " bytes, more than the " + maxBytes + " allowed here (the architecture's): refused");
        }
        return new Array(shape, values(in, (int) count, single ? 4 : 8, where), single);
    }

    private static String header(ByteBuffer in, String where) {
        if (in.remaining() < MAGIC.length + 2 || !Arrays.equals(Arrays.copyOf(in.array(), MAGIC.length), MAGIC)) {
            throw bad(where, "not a .npy array: expected the magic \\x93NUMPY at its start");
        }
        in.position(MAGIC.length);
        int major = in.get();
        in.get();
        if (major < 1 || major > 3) {
            throw bad(where, "expected .npy format version 1, 2 or 3, found " + major);
        }
        int lengthBytes = major == 1 ? 2 : 4;
        if (in.remaining() < lengthBytes) {
            throw bad(where, "the .npy header length is cut short");
        }
        long length = major == 1 ? in.getShort() & 0xFFFF : Integer.toUnsignedLong(in.getInt());
        if (length > MAX_HEADER || length > in.remaining()) {
            throw bad(where, "the .npy header's length " + length + " is larger than "
                    + (length > MAX_HEADER ? "the " + MAX_HEADER + " bytes allowed" : "the entry"));
        }
        byte[] text = new byte[(int) length];
        in.get(text);
        return new String(text, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    }

    private static int[] shape(List<Long> sizes, String where) {
        String text = sizes.toString();
        if (sizes.size() < 1 || sizes.size() > 2) {
            throw bad(where, "expected a 1-D or 2-D array, found shape " + text);
        }
        int[] shape = new int[sizes.size()];
        for (int i = 0; i < shape.length; i++) {
            if (sizes.get(i) < 1 || sizes.get(i) > Integer.MAX_VALUE) {
                throw bad(where, "expected sizes from 1 to " + Integer.MAX_VALUE + ", found shape " + text);
            }
            shape[i] = sizes.get(i).intValue();
        }
        return shape;
    }

    private static double[] values(ByteBuffer in, int count, int itemSize, String where) {
        long bytes = (long) count * itemSize;
        if (in.remaining() < bytes) {
            throw bad(where, "expected " + bytes + " bytes of values, found only " + in.remaining()
                    + ": the array is cut short");
        }
        if (in.remaining() > bytes) {
            throw bad(where, "more bytes than its shape declares: the entry is larger than the array it claims");
        }
        double[] values = new double[count];
        if (itemSize == 8) {
            in.asDoubleBuffer().get(values);
        } else {
            for (int i = 0; i < count; i++) {
                values[i] = in.getFloat(); // float to double is exact
            }
        }
        for (int i = 0; i < count; i++) {
            if (!Double.isFinite(values[i])) {
                throw bad(where, "value " + i + " is " + values[i] + ", expected finite numbers only");
            }
        }
        return values;
    }

    /** {@code text} for a message, at most 40 characters, with what is not printable ASCII escaped. */
    static String printable(String text) {
        String s = escaped(text.length() > 40 ? text.substring(0, 40) : text);
        return text.length() > 40 ? s + "..." : s;
    }

    /** {@code text} with what is not printable ASCII shown as a Java escape. */
    static String escaped(String text) {
        StringBuilder s = new StringBuilder();
        for (char c : text.toCharArray()) {
            s.append(c >= 0x20 && c < 0x7f ? String.valueOf(c)
                    : c < 0x100 ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
        }
        return s.toString();
    }

    static ShellError bad(String where, String message) {
        return new ShellError(where + ": " + message);
    }
}
