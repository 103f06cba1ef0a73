package mnistshell.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import mnistshell.errors.ShellError;
import org.junit.jupiter.api.Test;

/**
 * Each kind of bad file is refused by {@code load} with one line naming the file and entry, and the
 * session stays exactly as it was; a save that dies half-way leaves the old file loadable.
 */
class RefusalTest extends RefusalFixture {

    @Test
    void aTruncatedZip() throws IOException {
        byte[] all = Files.readAllBytes(good);
        Path cut = Files.write(dir.resolve("cut.npz"), Arrays.copyOf(all, all.length / 2));
        assertTrue(refusedFile(cut).contains("not a whole .npz (zip)"));
    }

    @Test
    void aWrongNpyMagic() throws IOException {
        String m = refused("magic.npz", e -> {
            byte[] w = e.get("W2.npy").clone();
            w[1] = 'X';
            e.put("W2.npy", w);
        });
        assertTrue(m.contains("W2.npy: not a .npy array: expected the magic"), m);
    }

    @Test
    void aWrongShape() throws IOException {
        String m = refused("shape.npz", e -> e.put("W2.npy", NpzFixtures.npy("<f8", new int[] {5, 20}, new double[100])));
        assertTrue(m.contains("W2.npy: expected shape (10, 10) for this architecture, found (5, 20)"), m);
    }

    @Test
    void aWrongDtype() throws IOException {
        String m = refused("dtype.npz", e -> e.put("b1.npy", NpzFixtures.npy("<i8", new int[] {10, 1}, new double[10])));
        assertTrue(m.contains("b1.npy: expected dtype '<f8' (float64) or '<f4', found '<i8'"), m);
    }

    @Test
    void aNaNInside() throws IOException {
        String m = refused("nan.npz", e -> {
            byte[] s = e.get("opt_s_W1.npy").clone();
            ByteBuffer.wrap(s).order(ByteOrder.LITTLE_ENDIAN).putDouble(s.length - 8 * 5, Double.NaN);
            e.put("opt_s_W1.npy", s);
        });
        assertTrue(m.contains("opt_s_W1.npy: value 7835 is NaN, expected finite numbers only"), m);
    }

    @Test
    void anUnknownFormatVersion() throws IOException {
        String m = refused("version.npz", e -> e.put("session.json", new String(e.get("session.json"),
                StandardCharsets.UTF_8).replace("\"version\" : 1,", "\"version\" : 3,").getBytes(StandardCharsets.UTF_8)));
        assertTrue(m.contains("session.json: version: expected the integer 1 to 2, found 3: saved by a newer mnist-shell"), m);
    }

    @Test
    void aHeaderAskingForAHugeNetwork() throws IOException {
        String m = refused("huge.npz", e -> e.put("session.json", new String(e.get("session.json"),
                StandardCharsets.UTF_8).replace("\"sizes\" : [ 784, 10, 10 ]", "\"sizes\" : [ 784, 1000000, 10 ]")
                .getBytes(StandardCharsets.UTF_8)));
        assertTrue(m.contains("session.json: network.sizes ask for 795000010 parameters"), m);
    }

    @Test
    void aMissingEntry() throws IOException {
        String m = refused("missing.npz", e -> e.remove("opt_m_b2.npy"));
        assertTrue(m.contains("opt_m_b2.npy: missing"), m);
    }

    @Test
    void anEntryLargerThanTheArchitectureNeeds() throws IOException {
        // a W1 that declares its right shape but carries 8 MB more: a zip bomb in miniature (deflates to a few KB)
        String big = refused("big.npz", e -> {
            byte[] w = e.get("W1.npy");
            e.put("W1.npy", Arrays.copyOf(w, w.length + (8 << 20)));
        });
        assertTrue(big.contains("W1.npy: declares") && big.contains("bytes, more than the"), big);
        // a few bytes too many pass the zip's declared-size check, and are caught by reading
        String trailing = refused("trailing.npz", e -> {
            byte[] w = e.get("W2.npy");
            e.put("W2.npy", Arrays.copyOf(w, w.length + 100));
        });
        assertTrue(trailing.contains("W2.npy: more bytes than its shape declares"), trailing);
        // and a header claiming a larger shape than the architecture's
        String shape = refused("bigshape.npz", e -> e.put("b2.npy", NpzFixtures.npy("<f8", new int[] {100000, 1}, new double[0])));
        assertTrue(shape.contains("b2.npy: shape (100000, 1) needs 800000 bytes, more than the 80 allowed"), shape);
    }

    @Test
    void aSaveThatDiesHalfWayLeavesTheOldFileWholeAndLoadable() throws IOException {
        byte[] old = Files.readAllBytes(good);
        SessionFile.Sink failing = out -> new FilterOutputStream(out) {
            long written;

            @Override
            public void write(int b) throws IOException {
                if (++written > 20_000) {
                    throw new IOException("disk full (simulated)");
                }
                super.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                for (int i = off; i < off + len; i++) {
                    write(b[i]);
                }
            }
        };
        ShellError e = assertThrows(ShellError.class, () -> SessionFile.save(f.session, List.of(), good, failing));
        assertTrue(e.getMessage().contains("disk full (simulated); the file there before is untouched"), e.getMessage());
        assertArrayEquals(old, Files.readAllBytes(good));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(good), files.toList(), "no temporary file left behind");
        }
        run("load " + good);
        assertEquals(3, f.session.iteration());
    }

    @Test
    void notASessionAtAll() throws IOException {
        String m = refused("other.npz", e -> {
            e.clear();
            e.put("readme.txt", "hello".getBytes(StandardCharsets.UTF_8));
        });
        assertTrue(m.contains("neither session.json nor W1.npy inside"), m);
    }
}
