package mnistshell.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mnistshell.data.Dataset;
import mnistshell.data.Split;
import mnistshell.errors.ShellError;
import mnistshell.nn.Tensor;
import mnistshell.nn.TestData;
import mnistshell.session.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Weights saved by other tools: float32 is widened with a note; big-endian is refused in one line. */
class OtherToolsWeightsTest {

    static final Dataset DATA = TestData.random(60, 28, 28, 5);

    @TempDir
    Path dir;

    /** A float32 .npy: the float64 fixture's header with '<f4', then four bytes a value. */
    static byte[] npy32(int[] shape, float[] values) {
        byte[] f8 = NpzFixtures.npy("<f4", shape, new double[0]);
        ByteBuffer b = ByteBuffer.allocate(f8.length + values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.put(f8);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    @Test
    void float32WeightsAreWidenedExactlyAndSaidSo() throws IOException {
        float[] w1 = new float[5 * 784];
        for (int i = 0; i < w1.length; i++) {
            w1[i] = (i % 7 - 3) * 0.1f; // 0.1f is not 0.1: the double must be the float's own value
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("W1.npy", npy32(new int[] {5, 784}, w1));
        entries.put("b1.npy", NpzFixtures.npy("<f8", new int[] {5}, new double[5]));
        entries.put("W2.npy", NpzFixtures.npy("<f8", new int[] {10, 5}, new double[50]));
        entries.put("b2.npy", NpzFixtures.npy("<f8", new int[] {10}, new double[10]));
        Path file = NpzFixtures.write(dir.resolve("f32.npz"), entries);
        LoadedSession loaded = SessionLoader.load(file, new Session(DATA, Split.shuffled(60, 10, 1), 1));
        List<Tensor> t = loaded.network().tensors();
        double[] expected = new double[w1.length];
        for (int i = 0; i < w1.length; i++) {
            expected[i] = w1[i];
        }
        assertArrayEquals(expected, NpzFixtures.flat(t.get(0).values()), 0.0);
        assertTrue(loaded.notes().contains("W1 held float32 ('<f4'): widened to float64, exactly"),
                loaded.notes().toString());
    }

    @Test
    void bigEndianIsRefusedInOneLine() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("W1.npy", NpzFixtures.npy(">f8", new int[] {5, 784}, new double[5 * 784]));
        Path file = NpzFixtures.write(dir.resolve("be.npz"), entries);
        String m = assertThrows(ShellError.class,
                () -> SessionLoader.load(file, new Session(DATA, Split.shuffled(60, 10, 1), 1))).getMessage();
        assertTrue(m.endsWith("W1.npy: big-endian '>f8' is not read; save a.astype('<f8')"), m);
        assertEquals(1, m.lines().count());
    }
}
