package mnistshell.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import mnistshell.shell.ShellFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A version-1 session saved by the code before layered networks ({@link VersionOneFixtures})
 * loads with today's code and trains on bit-identically: {@code load v1-a; step 3} leaves every
 * array (weights, Adam's moments, the best weights) and the history as the old code left them in
 * v1-b after the same 3 updates; the update/weight ratios, whose sums have added in another order
 * since, to rounding.
 */
class VersionOneCompatibilityTest {

    @TempDir
    Path dir;

    @Test
    void aVersionOneFileLoadsAndTrainsOnBitForBit() throws Exception {
        Path a = resource("v1-a.npz");
        Path b = resource("v1-b.npz");
        ShellFixture f = new ShellFixture(false);
        Path resumed = dir.resolve("resumed.npz");
        f.run("load " + a + "; step " + VersionOneFixtures.MORE + "; save " + resumed);
        assertEquals("", f.err());

        Map<String, byte[]> expected = entries(b);
        Map<String, byte[]> actual = entries(resumed);
        assertEquals(List.of("session.json", "W1.npy", "b1.npy", "W2.npy", "b2.npy"),
                List.copyOf(expected.keySet()).subList(0, 5));
        assertEquals(expected.keySet(), actual.keySet());
        for (String name : expected.keySet()) {
            if (!name.equals(SessionFile.HEADER)) {
                assertArrayEquals(expected.get(name), actual.get(name), name + " differs from the old code's");
            }
        }
        SessionHeader old = SessionJson.read(expected.get(SessionFile.HEADER), "v1-b");
        SessionHeader now = SessionJson.read(actual.get(SessionFile.HEADER), "resumed");
        assertEquals(1, old.version());
        assertEquals(old.training(), now.training());
        assertArrayEquals(old.history().update(), now.history().update());
        assertArrayEquals(old.history().loss(), now.history().loss(), 0.0);
        assertArrayEquals(old.history().trainAccuracy(), now.history().trainAccuracy(), 0.0);
        assertArrayEquals(old.history().testAccuracy(), now.history().testAccuracy());
        assertArrayEquals(old.layers().update(), now.layers().update());
        for (int i = 0; i < old.layers().update().length; i++) {
            assertArrayEquals(old.layers().gradient()[i], now.layers().gradient()[i], "layer gradients " + i);
            assertRatiosClose(old.layers().ratio()[i], now.layers().ratio()[i], "update ratios " + i);
            assertArrayEquals(old.layers().mean()[i], now.layers().mean()[i], "hidden means " + i);
        }
        assertEquals(old.summary(), now.summary());
        assertEquals(old.network().init(), now.network().init());
        assertArrayEquals(old.network().sizes(), now.network().sizes());
        assertTrue(old.best() != null && old.best().equals(now.best()), "best weights' record");
    }

    /**
     * The update/weight ratios to rounding, not bit for bit: their sums of squares have added each
     * row in four chains since the old code (a change of summation order, which moves the last
     * bits), while every array the updates make, and every other figure, stays bit for bit.
     */
    private static void assertRatiosClose(Double[] expected, Double[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int j = 0; j < expected.length; j++) {
            assertEquals(expected[j], actual[j], 1e-12 * Math.abs(expected[j]), what + " at " + j);
        }
    }

    private static Path resource(String name) throws Exception {
        return Path.of(VersionOneCompatibilityTest.class.getResource(name).toURI());
    }

    private static Map<String, byte[]> entries(Path file) throws Exception {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                out.put(e.getName(), zip.readAllBytes());
            }
        }
        return out;
    }
}
