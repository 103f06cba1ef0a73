package mnistshell.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import mnistshell.errors.ShellError;
import mnistshell.shell.ShellFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A layered network's session: version 2 with its spec, every tensor an .npy under its name and
 * shape; resumed exactly (Adam, dropout, another thread count); and a file whose spec is bad or
 * does not match its arrays refused in one line that names the file and what was expected. A dense
 * session still writes version 1, without a spec.
 */
class LayeredSessionFileTest {

    static final String SETUP = "init conv2k3-pool2-drop0.5-8-10 --seed 6; set optimizer adam; set lr 0.01;"
            + " set batch 32; set threads 2";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void itIsVersionTwoWithItsSpecAndEveryTensorUnderItsName() throws IOException {
        ShellFixture f = new ShellFixture(false);
        Path file = dir.resolve("conv.npz");
        f.run(SETUP + "; step 3; save " + file);
        Map<String, byte[]> entries = NpzFixtures.entries(file);
        assertEquals(List.of("session.json", "W1.npy", "b1.npy", "W2.npy", "b2.npy", "W3.npy", "b3.npy",
                "opt_m_W1.npy", "opt_m_b1.npy", "opt_m_W2.npy", "opt_m_b2.npy", "opt_m_W3.npy", "opt_m_b3.npy",
                "opt_s_W1.npy", "opt_s_b1.npy", "opt_s_W2.npy", "opt_s_b2.npy", "opt_s_W3.npy", "opt_s_b3.npy"),
                List.copyOf(entries.keySet()));
        ObjectNode json = (ObjectNode) JSON.readTree(entries.get("session.json"));
        assertEquals(2, json.get("version").intValue());
        assertEquals("conv2k3-pool2-drop0.5-8-10", json.get("network").get("spec").textValue());
        assertEquals("[784,10]", json.get("network").get("sizes").toString());
        assertArrayEquals(new int[] {2, 9}, NpzFixtures.parse(entries.get("W1.npy")).shape());
        assertArrayEquals(new int[] {8, 338}, NpzFixtures.parse(entries.get("W2.npy")).shape());
        assertArrayEquals(new int[] {10, 1}, NpzFixtures.parse(entries.get("b3.npy")).shape());
        assertArrayEquals(NpzFixtures.flat(f.session.network().tensors().get(0).values()),
                NpzFixtures.parse(entries.get("W1.npy")).values(), 0.0);
    }

    @Test
    void aDenseSessionIsStillVersionOneWithoutASpec() throws IOException {
        ShellFixture f = new ShellFixture(false);
        Path file = dir.resolve("dense.npz");
        f.run("step 2; save " + file);
        ObjectNode json = (ObjectNode) JSON.readTree(NpzFixtures.entries(file).get("session.json"));
        assertEquals(1, json.get("version").intValue());
        assertFalse(json.get("network").has("spec"), json.toString());
    }

    @Test
    void resumeIsExactWithAdamDropoutAndAnotherThreadCount() throws IOException {
        ShellFixture straight = new ShellFixture(false);
        straight.run(SETUP + "; step 12");
        ShellFixture first = new ShellFixture(false);
        Path half = dir.resolve("half.npz");
        first.run(SETUP + "; step 6; save " + half);
        ShellFixture resumed = new ShellFixture(false);
        resumed.run("set threads 3; load " + half + "; step 6");
        assertEquals("", resumed.err());
        assertEquals(12, resumed.session.iteration());
        assertEquals(straight.session.network().architecture(), resumed.session.network().architecture());
        assertEquals(ResumeTest.state(straight.session).size(), ResumeTest.state(resumed.session).size());
        ResumeTest.assertSameBits(ResumeTest.state(straight.session), ResumeTest.state(resumed.session));
        assertEquals(straight.session.training().history().points(), resumed.session.training().history().points());
    }

    @Test
    void aBadSpecIsRefusedInOneLineNamingTheFileAndWhatWasExpected() throws IOException {
        Map<String, byte[]> good = goodFile();
        Path bad = edited(good, "badspec.npz", j -> ((ObjectNode) j.get("network")).put("spec", "conv2k30-10"));
        String m = refused(bad);
        assertTrue(m.startsWith(bad + ": session.json: network.spec 'conv2k30-10': SPEC item 1 'conv2k30': "), m);
        assertTrue(m.contains("larger than its input"), m);

        Path v1 = edited(good, "v1spec.npz", j -> j.put("version", 1));
        m = refused(v1);
        assertTrue(m.startsWith(v1 + ": session.json: network.spec: expected no spec in a version-1 file"), m);

        Path newer = edited(good, "v3.npz", j -> j.put("version", 3));
        m = refused(newer);
        assertTrue(m.contains("version: expected the integer 1 to 2, found 3: saved by a newer mnist-shell"), m);
    }

    @Test
    void aSpecThatIsNotItsArraysIsRefusedInOneLine() throws IOException {
        Map<String, byte[]> good = goodFile();
        Path other = edited(good, "other.npz",
                j -> ((ObjectNode) j.get("network")).put("spec", "conv3k3-pool2-drop0.5-8-10"));
        String m = refused(other);
        assertTrue(m.startsWith(other + ": W1.npy: expected shape (3, 9)"), m);
        assertTrue(m.contains("found (2, 9)"), m);

        Path deeper = edited(good, "deeper.npz", j -> ((ObjectNode) j.get("network")).put("spec",
                "conv2k3-pool2-8-8-10"));
        m = refused(deeper);
        assertTrue(m.contains("missing") || m.contains("layers.gradient"), m);
    }

    private Map<String, byte[]> goodFile() throws IOException {
        ShellFixture f = new ShellFixture(false);
        Path file = dir.resolve("good.npz");
        f.run(SETUP + "; step 2; save " + file);
        return NpzFixtures.entries(file);
    }

    private Path edited(Map<String, byte[]> good, String name, Consumer<ObjectNode> change) throws IOException {
        Map<String, byte[]> bad = new LinkedHashMap<>(good);
        try {
            ObjectNode json = (ObjectNode) JSON.readTree(bad.get("session.json"));
            change.accept(json);
            bad.put("session.json", JSON.writeValueAsBytes(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return NpzFixtures.write(dir.resolve(name), bad);
    }

    /** Refused in one line that starts with the file; the session as it was. */
    private static String refused(Path file) {
        ShellFixture f = new ShellFixture(false);
        f.run("step 1");
        String before = Arrays.deepToString(f.session.network().tensors().get(0).values());
        ShellError e = assertThrows(ShellError.class, () -> f.run("load " + file));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertEquals(before, Arrays.deepToString(f.session.network().tensors().get(0).values()));
        assertEquals("784-10-10", f.session.network().architecture());
        return e.getMessage();
    }
}
