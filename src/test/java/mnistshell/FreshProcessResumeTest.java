package mnistshell;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exact resume across processes: {@code step 16} here equals {@code step 8; save} here followed by
 * {@code load; step 8} in a new JVM, bit for bit, with Adam on mini-batches of the embedded sample.
 */
class FreshProcessResumeTest {

    @TempDir
    Path dir;

    @Test
    void aNewProcessResumesBitForBit() throws Exception {
        String setup = "set optimizer adam; set lr 0.005; set batch 64; ";
        Path straight = dir.resolve("straight.npz");
        Path half = dir.resolve("half.npz");
        Path resumed = dir.resolve("resumed.npz");
        quietly(() -> Main.run(new String[] {"-c", setup + "step 16; save " + straight}));
        quietly(() -> Main.run(new String[] {"-c", setup + "step 8; save " + half}));
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "-c", "load " + half + "; step 8; save " + resumed)
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, child.waitFor(), output);
        Map<String, byte[]> a = arrays(straight);
        Map<String, byte[]> b = arrays(resumed);
        assertEquals(List.of("W1.npy", "b1.npy", "W2.npy", "b2.npy", "opt_m_W1.npy", "opt_m_b1.npy", "opt_m_W2.npy",
                "opt_m_b2.npy", "opt_s_W1.npy", "opt_s_b1.npy", "opt_s_W2.npy", "opt_s_b2.npy"), List.copyOf(a.keySet()));
        assertEquals(a.keySet(), b.keySet());
        for (String name : a.keySet()) {
            assertArrayEquals(a.get(name), b.get(name), name + " differs after resuming in a new process");
        }
    }

    /**
     * The same for a conv network with dropout and Adam: its masks follow the seed and the update
     * number, so the new process (on another thread count) draws the masks the straight run drew.
     */
    @Test
    void aNewProcessResumesAConvNetWithDropoutBitForBit() throws Exception {
        String setup = "init conv4k5-pool2-drop0.25-16-10; set optimizer adam; set lr 0.002; set batch 64;"
                + " set threads 2; ";
        Path straight = dir.resolve("conv-straight.npz");
        Path half = dir.resolve("conv-half.npz");
        Path resumed = dir.resolve("conv-resumed.npz");
        quietly(() -> Main.run(new String[] {"-c", setup + "step 10; save " + straight}));
        quietly(() -> Main.run(new String[] {"-c", setup + "step 5; save " + half}));
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "-c", "set threads 3; load " + half + "; step 5; save " + resumed)
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, child.waitFor(), output);
        Map<String, byte[]> a = arrays(straight);
        Map<String, byte[]> b = arrays(resumed);
        assertEquals(18, a.size(), a.keySet().toString()); // W1..b3 and Adam's two moments of each
        assertEquals(a.keySet(), b.keySet());
        for (String name : a.keySet()) {
            assertArrayEquals(a.get(name), b.get(name), name + " differs after resuming in a new process");
        }
    }

    private static void quietly(java.util.function.IntSupplier run) {
        PrintStream old = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            assertEquals(Main.OK, run.getAsInt());
        } finally {
            System.setOut(old);
        }
    }

    /** The .npy entries, name to raw bytes (header and values), read with the JDK's zip stream. */
    private static Map<String, byte[]> arrays(Path file) throws Exception {
        Map<String, byte[]> out = new java.util.LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().endsWith(".npy")) {
                    out.put(e.getName(), zip.readAllBytes());
                }
            }
        }
        return out;
    }
}
