package mnistshell.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import mnistshell.errors.ShellError;

/**
 * The entries of a zip, read from its central directory and held against each local header, as
 * PKWARE's APPNOTE describes them. A {@code .npz} must be a plain zip: its first entry at byte 0,
 * every entry's bytes followed at once by the next, the central directory right after the last and
 * the end record closing the file, no name twice, no encryption, stored or deflated only. So no
 * byte of the file goes unaccounted for. numpy's {@code np.savez} writes zip64 sizes in its local
 * headers (force_zip64) and Java's zip stream a data descriptor after deflated data: both are read.
 */
final class ZipDirectory {

    /** Where one entry's data lies and what the archive records of it. */
    record Entry(String name, int method, long crc, long compressedSize, long size, long dataOffset) {
    }

    /** One record of the central directory: {@code offset} is that of the entry's local header. */
    private record Central(String name, int flags, int method, long crc, long compressedSize, long size,
                           long offset) {
    }

    private static final int LOCAL = 0x04034b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int END = 0x06054b50;
    private static final int DESCRIPTOR = 0x08074b50;
    private static final int END_SIZE = 22;
    /** 100 entries with names numpy would write fit many times over. */
    private static final int MAX_DIRECTORY = 1 << 20;
    private static final long MAGIC32 = 0xFFFFFFFFL;

    private final String file;
    private final SeekableByteChannel channel;
    private final long length;

    private ZipDirectory(String file, SeekableByteChannel channel) throws IOException {
        this.file = file;
        this.channel = channel;
        this.length = channel.size();
    }

    /** The entries in the order of their data in the file; refuses any zip that is not plain and whole. */
    static List<Entry> read(String file, SeekableByteChannel channel, int maxEntries) throws IOException {
        return new ZipDirectory(file, channel).entries(maxEntries);
    }

    private List<Entry> entries(int maxEntries) throws IOException {
        ByteBuffer end = endRecord();
        int count = end.getShort(10) & 0xFFFF;
        long directorySize = end.getInt(12) & MAGIC32;
        long directoryOffset = end.getInt(16) & MAGIC32;
        long endOffset = length - end.capacity();
        if ((end.getShort(4) | end.getShort(6)) != 0 || (end.getShort(8) & 0xFFFF) != count) {
            throw whole("a multi-disk archive");
        }
        if (count > maxEntries) {
            throw new ShellError(file + ": more than " + maxEntries + " entries: not a saved session");
        }
        if (directoryOffset + directorySize != endOffset) {
            long extra = endOffset - directorySize - directoryOffset;
            throw new ShellError(file + ": " + (extra > 0 ? extra + " bytes before the first entry or among the "
                    + "entries" : "the central directory overlaps its end record")
                    + ": expected a plain zip that starts with its first entry, as np.savez writes");
        }
        if (directorySize > MAX_DIRECTORY) {
            throw whole("a central directory of " + directorySize + " bytes");
        }
        return layout(central(bytes(directoryOffset, (int) directorySize), count), directoryOffset);
    }

    /** The end record, whose comment must reach the end of the file exactly. */
    private ByteBuffer endRecord() throws IOException {
        int tail = (int) Math.min(length, END_SIZE + 0xFFFF);
        ByteBuffer b = bytes(length - tail, tail);
        for (int at = tail - END_SIZE; at >= 0; at--) {
            if (b.getInt(at) == END && at + END_SIZE + (b.getShort(at + 20) & 0xFFFF) == tail) {
                return b.slice(at, tail - at).order(ByteOrder.LITTLE_ENDIAN);
            }
        }
        throw whole("no end record (cut short?)");
    }

    private List<Central> central(ByteBuffer d, int count) {
        List<Central> entries = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int at = 0;
        for (int k = 0; k < count; k++) {
            if (at + 46 > d.capacity() || d.getInt(at) != CENTRAL) {
                throw whole("central directory record " + (k + 1) + " of " + count + " is damaged");
            }
            int nameLength = d.getShort(at + 28) & 0xFFFF;
            int extraLength = d.getShort(at + 30) & 0xFFFF;
            int next = at + 46 + nameLength + extraLength + (d.getShort(at + 32) & 0xFFFF);
            if (next > d.capacity()) {
                throw whole("central directory record " + (k + 1) + " of " + count + " is cut short");
            }
            String name = name(d, at + 46, nameLength);
            if (name.isEmpty() || !name.chars().allMatch(ch -> ch >= 0x20 && ch < 0x7f)) {
                throw new ShellError(file + ": entry " + (k + 1) + " is named '" + Npy.printable(name)
                        + "': expected a name of printable ASCII, such as W1.npy");
            }
            if (!names.add(name)) {
                throw new ShellError(file + ": " + name + ": appears twice in the archive: expected each name once");
            }
            int flags = d.getShort(at + 8) & 0xFFFF;
            int method = d.getShort(at + 10) & 0xFFFF;
            checkMethod(name, flags, method);
            if ((d.getShort(at + 34) & 0xFFFF) != 0) {
                throw whole(name + " lies on another disk");
            }
            long[] v = zip64(d, at + 46 + nameLength, extraLength, name,
                    d.getInt(at + 24) & MAGIC32, d.getInt(at + 20) & MAGIC32, d.getInt(at + 42) & MAGIC32);
            entries.add(new Central(name, flags, method, d.getInt(at + 16) & MAGIC32, v[1], v[0], v[2]));
            at = next;
        }
        if (at != d.capacity()) {
            throw whole("the central directory holds more than its " + count + " records");
        }
        return entries;
    }

    private void checkMethod(String name, int flags, int method) {
        if ((flags & 0x41) != 0) {
            throw new ShellError(file + ": " + name + ": encrypted: expected a plain zip, as np.savez writes");
        }
        if (method != 0 && method != 8) {
            throw new ShellError(file + ": " + name + ": compression method " + method
                    + ": expected stored (0) or deflated (8), as np.savez and np.savez_compressed write");
        }
    }

    /**
     * Size, compressed size and offset, each from the zip64 extra field where the 32-bit field is
     * 0xFFFFFFFF (APPNOTE 4.5.3: the 64-bit values appear in that order, only those needed).
     */
    private long[] zip64(ByteBuffer b, int extra, int extraLength, String name, long... fields) {
        long[] values = fields.clone();
        int end = extra + extraLength;
        for (int at = extra; at + 4 <= end; at += 4 + (b.getShort(at + 2) & 0xFFFF)) {
            if (b.getShort(at) != 1) {
                continue;
            }
            int field = at + 4;
            int fieldEnd = Math.min(end, field + (b.getShort(at + 2) & 0xFFFF));
            for (int i = 0; i < values.length; i++) {
                if (values[i] == MAGIC32) {
                    if (field + 8 > fieldEnd) {
                        throw whole(name + ": its zip64 field is cut short");
                    }
                    values[i] = b.getLong(field);
                    field += 8;
                }
            }
        }
        for (long v : values) {
            if (v < 0) {
                throw whole(name + ": records a size beyond 2^63 bytes");
            }
        }
        return values;
    }

    /**
     * The entries in file order, each local header agreeing with the central directory, each entry
     * starting where the one before ends, the first at byte 0 and the last ending at the directory.
     */
    private List<Entry> layout(List<Central> records, long directoryOffset) throws IOException {
        List<Central> byPlace = new ArrayList<>(records);
        byPlace.sort(Comparator.comparingLong(Central::offset));
        List<Entry> entries = new ArrayList<>();
        long expected = 0;
        for (Central c : byPlace) {
            if (c.offset() != expected) {
                throw new ShellError(file + ": " + c.name() + ": starts at byte " + c.offset() + ", expected "
                        + expected + (expected == 0 ? ": bytes before the first entry" : ": bytes between entries")
                        + "; expected a plain zip, as np.savez writes");
            }
            Entry e = local(c);
            entries.add(e);
            expected = e.dataOffset() + c.compressedSize();
            expected += descriptor(c, expected);
        }
        if (expected != directoryOffset) {
            throw whole("the last entry ends at byte " + expected + " but the central directory starts at "
                    + directoryOffset);
        }
        return entries;
    }

    /** The entry whose local header is at {@code c.offset()}: the same name, method, flags, CRC and sizes. */
    private Entry local(Central c) throws IOException {
        ByteBuffer h = bytes(c.offset(), 30);
        if (h.capacity() < 30 || h.getInt(0) != LOCAL) {
            throw whole(c.name() + ": no local header at byte " + c.offset() + ", where the directory puts it");
        }
        int nameLength = h.getShort(26) & 0xFFFF;
        int extraLength = h.getShort(28) & 0xFFFF;
        ByteBuffer rest = bytes(c.offset() + 30, nameLength + extraLength);
        if (rest.capacity() < nameLength + extraLength || !name(rest, 0, nameLength).equals(c.name())) {
            throw mismatch(c.name(), "name");
        }
        int flags = h.getShort(6) & 0xFFFF;
        if (flags != c.flags() || (h.getShort(8) & 0xFFFF) != c.method()) {
            throw mismatch(c.name(), "flags or compression method");
        }
        long[] sizes = zip64(rest, nameLength, extraLength, c.name(), h.getInt(22) & MAGIC32, h.getInt(18) & MAGIC32);
        boolean deferred = (flags & 8) != 0 && (h.getInt(14) | h.getInt(18) | h.getInt(22)) == 0;
        if (!deferred && ((h.getInt(14) & MAGIC32) != c.crc() || sizes[0] != c.size()
                || sizes[1] != c.compressedSize())) {
            throw mismatch(c.name(), "CRC-32 or sizes");
        }
        return new Entry(c.name(), c.method(), c.crc(), c.compressedSize(), c.size(),
                c.offset() + 30 + nameLength + extraLength);
    }

    /**
     * The length of the data descriptor at {@code at}, after {@code c}'s data (0 if flag 3 says there
     * is none); it must repeat the CRC and sizes, in 4 or 8 bytes each, after an optional signature.
     */
    private int descriptor(Central c, long at) throws IOException {
        if ((c.flags() & 8) == 0) {
            return 0;
        }
        ByteBuffer d = bytes(at, 24);
        for (int start = d.capacity() >= 4 && d.getInt(0) == DESCRIPTOR ? 4 : 0; start >= 0; start -= 4) {
            if (d.capacity() >= start + 12 && (d.getInt(start) & MAGIC32) == c.crc()) {
                if ((d.getInt(start + 4) & MAGIC32) == c.compressedSize()
                        && (d.getInt(start + 8) & MAGIC32) == c.size()) {
                    return start + 12;
                }
                if (d.capacity() >= start + 20 && d.getLong(start + 4) == c.compressedSize()
                        && d.getLong(start + 12) == c.size()) {
                    return start + 20;
                }
            }
        }
        throw mismatch(c.name(), "data descriptor");
    }

    private String name(ByteBuffer b, int at, int length) {
        byte[] raw = new byte[length];
        b.get(at, raw);
        return new String(raw, StandardCharsets.UTF_8);
    }

    /** {@code count} bytes from {@code offset}; fewer only where the file ends first. */
    private ByteBuffer bytes(long offset, int count) throws IOException {
        ByteBuffer b = ByteBuffer.allocate((int) Math.max(0, Math.min(count, length - offset))).order(ByteOrder.LITTLE_ENDIAN);
        channel.position(offset);
        while (b.hasRemaining() && channel.read(b) >= 0) {
            // read on until full or at the end
        }
        return b.flip().slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    private ShellError mismatch(String name, String what) {
        return new ShellError(file + ": " + name + ": its local header and the central directory disagree on its "
                + what + ": the archive is damaged");
    }

    private ShellError whole(String found) {
        return new ShellError(file + ": not a whole .npz (zip): " + found);
    }
}
