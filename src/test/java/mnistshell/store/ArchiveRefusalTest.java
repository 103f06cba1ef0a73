package mnistshell.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The zip and the .npy headers of a saved session are checked whole: a flipped bit anywhere in an
 * entry's data, a name twice, bytes outside the entries, a local header that disagrees with the
 * central directory, a header dict that is not the one numpy writes. Each is refused in one line
 * and the session stays as it was (see {@link RefusalFixture#refusedFile}).
 */
class ArchiveRefusalTest extends RefusalFixture {

    Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void aFlippedBitInAWeightIsCaughtByTheCrc() throws IOException {
        byte[] all = Files.readAllBytes(good);
        byte[] w2 = entries.get("W2.npy");
        int start = NpzFixtures.indexOf(all, w2); // stored as np.savez stores arrays: the bytes as they are
        int value = 128 + 8 * 42; // the low bit of value 42's mantissa: still a finite number, just another one
        ByteBuffer before = ByteBuffer.wrap(w2).order(ByteOrder.LITTLE_ENDIAN);
        all[start + value] ^= 1;
        double changed = ByteBuffer.wrap(all, start + value, 8).order(ByteOrder.LITTLE_ENDIAN).getDouble();
        assertTrue(Double.isFinite(changed) && changed != before.getDouble(value), "the flip makes another finite weight");
        Path file = write("flipped.npz", all);
        assertNames(refusedFile(file), file, "W2.npy", "damaged: its bytes give CRC-32");
    }

    @Test
    void aNameTwice() throws IOException {
        List<Map.Entry<String, byte[]>> twice = new ArrayList<>(entries.entrySet());
        twice.add(Map.entry("W1.npy", entries.get("W1.npy")));
        Path file = write("twice.npz", NpzFixtures.rawZip(new byte[0], twice));
        assertNames(refusedFile(file), file, "W1.npy", "appears twice in the archive: expected each name once");
    }

    @Test
    void bytesBeforeTheFirstEntry() throws IOException {
        byte[] all = Files.readAllBytes(good);
        byte[] prefixed = new byte[all.length + 100];
        System.arraycopy(all, 0, prefixed, 100, all.length);
        Path file = write("prefixed.npz", prefixed);
        String m = refusedFile(file);
        assertTrue(m.equals(file + ": 100 bytes before the first entry or among the entries: expected a plain zip"
                + " that starts with its first entry, as np.savez writes"), m);
    }

    @Test
    void bytesBeforeTheFirstEntryWithTheOffsetsMended() throws IOException {
        // as `zip -A` leaves a self-extracting archive: the offsets count the prefix, so only the layout tells
        byte[] raw = NpzFixtures.rawZip("#!/bin/sh\n".getBytes(StandardCharsets.US_ASCII),
                new ArrayList<>(entries.entrySet()));
        Path file = write("mended.npz", raw);
        assertNames(refusedFile(file), file, "session.json", "starts at byte 10, expected 0: bytes before the first entry");
    }

    @Test
    void bytesBetweenEntries() throws IOException {
        List<Map.Entry<String, byte[]>> list = new ArrayList<>(entries.entrySet());
        byte[] all = NpzFixtures.rawZip(new byte[0], list);
        // a hidden entry: a whole local header and data the central directory does not list
        List<Map.Entry<String, byte[]>> withHidden = new ArrayList<>(list);
        withHidden.add(1, Map.entry("hidden.bin", new byte[] {1, 2, 3}));
        byte[] hidden = NpzFixtures.rawZip(new byte[0], withHidden);
        int cut = NpzFixtures.indexOf(hidden, "PK\u0001\u0002".getBytes(StandardCharsets.ISO_8859_1));
        // rebuild: the hidden archive's entries, but the plain archive's directory with its offsets moved on
        int extra = hidden.length - all.length;
        int directory = NpzFixtures.indexOf(all, "PK\u0001\u0002".getBytes(StandardCharsets.ISO_8859_1));
        ByteBuffer d = ByteBuffer.wrap(all.clone(), directory, all.length - directory).order(ByteOrder.LITTLE_ENDIAN);
        byte[] tail = new byte[all.length - directory];
        d.get(tail);
        ByteBuffer t = ByteBuffer.wrap(tail).order(ByteOrder.LITTLE_ENDIAN);
        for (int at = 0; t.getInt(at) == 0x02014b50; at += 46 + t.getShort(at + 28)) {
            int offset = t.getInt(at + 42);
            t.putInt(at + 42, offset == 0 ? 0 : offset + extra);
        }
        t.putInt(tail.length - 6, cut); // the end record's directory offset
        byte[] joined = new byte[cut + tail.length];
        System.arraycopy(hidden, 0, joined, 0, cut);
        System.arraycopy(tail, 0, joined, cut, tail.length);
        Path file = write("hidden.npz", joined);
        String m = refusedFile(file);
        assertTrue(m.startsWith(file + ": W1.npy: starts at byte ") && m.contains(": bytes between entries"), m);
    }

    @Test
    void aLocalHeaderThatDisagreesWithTheCentralDirectory() throws IOException {
        byte[] all = Files.readAllBytes(good);
        int header = NpzFixtures.indexOf(all, "b1.npy".getBytes(StandardCharsets.US_ASCII)) - 30; // b1's local header
        assertEquals(0x04034b50, ByteBuffer.wrap(all, header, 4).order(ByteOrder.LITTLE_ENDIAN).getInt());
        all[header + 14] ^= 0x10; // its CRC-32, which the central directory also holds
        Path file = write("local.npz", all);
        assertNames(refusedFile(file), file, "b1.npy",
                "its local header and the central directory disagree on its CRC-32 or sizes");
    }

    @Test
    void anNpyHeaderThatRepeatsAKey() throws IOException {
        String m = refused("repeat.npz", e -> e.put("b2.npy", NpzFixtures.npyWithDict(
                "{'descr': '<f8', 'fortran_order': False, 'shape': (10, 1), 'shape': (10, 1), }", new double[10])));
        assertNames(m, dir.resolve("repeat.npz"), "b2.npy", "the .npy header repeats 'shape': expected each key once");
    }

    @Test
    void anNpyHeaderThatLacksAKey() throws IOException {
        String m = refused("lacks.npz", e -> e.put("b2.npy", NpzFixtures.npyWithDict(
                "{'descr': '<f8', 'shape': (10, 1), }", new double[10])));
        assertNames(m, dir.resolve("lacks.npz"), "b2.npy",
                "the .npy header lacks 'fortran_order': expected 'descr', 'fortran_order' and 'shape'");
    }

    @Test
    void anNpyHeaderWithAnUnknownKey() throws IOException {
        String m = refused("unknown.npz", e -> e.put("b2.npy", NpzFixtures.npyWithDict(
                "{'descr': '<f8', 'fortran_order': False, 'shape': (10, 1), 'offset': 0, }", new double[10])));
        assertNames(m, dir.resolve("unknown.npz"), "b2.npy",
                "unknown key 'offset': expected only 'descr', 'fortran_order' and 'shape'");
    }

    @Test
    void anNpyHeaderThatIsNotADict() throws IOException {
        String m = refused("malformed.npz", e -> e.put("b2.npy", NpzFixtures.npyWithDict(
                "{'descr': '<f8', 'fortran_order': False, 'shape': (10 1), }", new double[10])));
        assertNames(m, dir.resolve("malformed.npz"), "b2.npy",
                "malformed .npy header at character 54: expected ',' or ')', found '1), }'");
    }

    @Test
    void anNpyShapeThatIsNotATuple() throws IOException {
        String m = refused("notuple.npz", e -> e.put("b2.npy", NpzFixtures.npyWithDict(
                "{'descr': '<f8', 'fortran_order': False, 'shape': (10), }", new double[10])));
        assertNames(m, dir.resolve("notuple.npz"), "b2.npy", "expected a tuple: one size needs a trailing comma");
    }
}
