package mnistshell.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * An independent reader and writer of .npz files for tests: the JDK's zip streams and .npy headers
 * parsed and written by hand, as numpy's format.py describes them, sharing no code with
 * {@code mnistshell.store}.
 */
final class NpzFixtures {

    /** A .npy array as the test reads it. */
    record Array(String descr, boolean fortran, int[] shape, double[] values) {
    }

    private NpzFixtures() {
    }

    /** Every entry of the zip at {@code file}, name to bytes, in archive order. */
    static Map<String, byte[]> entries(Path file) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }

    /** Writes {@code entries} as a zip, deflated like np.savez_compressed, or stored like np.savez. */
    static Path write(Path file, Map<String, byte[]> entries) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    /**
     * A zip of stored entries written byte by byte, as APPNOTE describes it, which lets a test make
     * what the JDK's zip stream refuses to: a name twice, bytes before the first entry. Offsets count
     * from the file's start, {@code prefix} included (as {@code zip -A} fixes them).
     */
    static byte[] rawZip(byte[] prefix, List<Map.Entry<String, byte[]>> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream central = new ByteArrayOutputStream();
        out.writeBytes(prefix);
        for (Map.Entry<String, byte[]> e : entries) {
            byte[] name = e.getKey().getBytes(StandardCharsets.US_ASCII);
            CRC32 crc = new CRC32();
            crc.update(e.getValue());
            int offset = out.size();
            out.writeBytes(le(0x04034b50, 4, 20, 2, 0, 2, 0, 2, 0, 4, crc.getValue(), 4,
                    e.getValue().length, 4, e.getValue().length, 4, name.length, 2, 0, 2));
            out.writeBytes(name);
            out.writeBytes(e.getValue());
            central.writeBytes(le(0x02014b50, 4, 20, 2, 20, 2, 0, 2, 0, 2, 0, 4, crc.getValue(), 4,
                    e.getValue().length, 4, e.getValue().length, 4, name.length, 2, 0, 2, 0, 2, 0, 2, 0, 2, 0, 4,
                    offset, 4));
            central.writeBytes(name);
        }
        int directory = out.size();
        out.writeBytes(central.toByteArray());
        out.writeBytes(le(0x06054b50, 4, 0, 2, 0, 2, entries.size(), 2, entries.size(), 2, central.size(), 4,
                directory, 4, 0, 2));
        return out.toByteArray();
    }

    /** Little-endian fields given as value, width pairs. */
    private static byte[] le(long... valueWidth) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int i = 0; i < valueWidth.length; i += 2) {
            for (int k = 0; k < valueWidth[i + 1]; k++) {
                b.write((int) (valueWidth[i] >>> 8 * k));
            }
        }
        return b.toByteArray();
    }

    /** A .npy of version 1.0 whose header dict is {@code dict} as given, padded as np.save pads it. */
    static byte[] npyWithDict(String dict, double[] values) {
        int total = 10 + dict.length() + 1;
        String header = dict + " ".repeat((64 - total % 64) % 64) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        b.putShort((short) header.length()).put(header.getBytes(StandardCharsets.US_ASCII));
        for (double v : values) {
            b.putDouble(v);
        }
        return b.array();
    }

    /** Where {@code part} first occurs in {@code all}, or -1. */
    static int indexOf(byte[] all, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= all.length; i++) {
            for (int k = 0; k < part.length; k++) {
                if (all[i + k] != part[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Parses a .npy: magic, version 1.0, a 2-byte header length, the dict, then little-endian doubles. */
    static Array parse(byte[] npy) {
        if (npy[0] != (byte) 0x93 || !new String(npy, 1, 5, StandardCharsets.US_ASCII).equals("NUMPY")) {
            throw new AssertionError("no .npy magic");
        }
        int headerLength = (npy[8] & 0xFF) | (npy[9] & 0xFF) << 8;
        String header = new String(npy, 10, headerLength, StandardCharsets.US_ASCII);
        if ((10 + headerLength) % 64 != 0 || !header.endsWith("\n")) {
            throw new AssertionError("header not padded to 64 bytes with a newline: " + header);
        }
        String descr = between(header, "'descr': '", "'");
        boolean fortran = between(header, "'fortran_order': ", ",").equals("True");
        int[] shape = Arrays.stream(between(header, "'shape': (", ")").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).mapToInt(Integer::parseInt).toArray();
        double[] values = new double[(npy.length - 10 - headerLength) / 8];
        ByteBuffer.wrap(npy, 10 + headerLength, values.length * 8).order(ByteOrder.LITTLE_ENDIAN)
                .asDoubleBuffer().get(values);
        return new Array(descr, fortran, shape, values);
    }

    private static String between(String s, String from, String to) {
        int a = s.indexOf(from) + from.length();
        return s.substring(a, s.indexOf(to, a));
    }

    /** A .npy as np.save writes it for a float64 array of {@code shape} ((n,) or (r, c)). */
    static byte[] npy(String descr, int[] shape, double[] values) {
        String shapeText = shape.length == 1 ? "(" + shape[0] + ",)" : "(" + shape[0] + ", " + shape[1] + ")";
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shapeText + ", }";
        int total = 10 + dict.length() + 1;
        String header = dict + " ".repeat((64 - total % 64) % 64) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        b.putShort((short) header.length()).put(header.getBytes(StandardCharsets.US_ASCII));
        for (double v : values) {
            b.putDouble(v);
        }
        return b.array();
    }

    /** {@code m} flattened row by row. */
    static double[] flat(double[][] m) {
        return Arrays.stream(m).flatMapToDouble(Arrays::stream).toArray();
    }

    static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }
}
