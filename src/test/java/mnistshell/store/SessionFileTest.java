package mnistshell.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import mnistshell.data.Dataset;
import mnistshell.data.Split;
import mnistshell.nn.Tensor;
import mnistshell.nn.TestData;
import mnistshell.session.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a saved file holds, read back by the tests' own reader; bare np.savez weights; the data check. */
class SessionFileTest {

    static final Dataset DATA = TestData.random(200, 28, 28, 8);

    @TempDir
    Path dir;

    static Session trained(String optimizer) {
        Session s = new Session(DATA, Split.shuffled(DATA.size(), 40, 3), 4);
        s.init(new int[] {784, 12, 10}, mnistshell.nn.Activation.named("tanh", 0), mnistshell.nn.Init.XAVIER, 4);
        s.set("optimizer", List.of(optimizer));
        s.set("batch", List.of("16"));
        s.step(3, () -> false, done -> { });
        return s;
    }

    @Test
    void theTestsOwnReaderFindsEveryArrayByNameShapeAndValue() throws IOException {
        Session s = trained("adam");
        Path file = dir.resolve("s.npz");
        SessionFile.save(s, List.of("init 784-12-10", "step 3"), file);
        Map<String, byte[]> entries = NpzFixtures.entries(file);
        List<String> names = new ArrayList<>(List.of("session.json", "W1.npy", "b1.npy", "W2.npy", "b2.npy"));
        for (String moment : List.of("m", "s")) {
            for (String p : List.of("W1", "b1", "W2", "b2")) {
                names.add("opt_" + moment + "_" + p + ".npy");
            }
        }
        assertEquals(names, new ArrayList<>(entries.keySet()));
        List<double[][]> expected = new ArrayList<>();
        s.network().tensors().forEach(t -> expected.add(t.values()));
        expected.addAll(s.training().optimizer().state());
        for (int k = 0; k < expected.size(); k++) {
            NpzFixtures.Array a = NpzFixtures.parse(entries.get(names.get(k + 1)));
            double[][] m = expected.get(k);
            assertEquals("<f8", a.descr());
            assertFalse(a.fortran());
            assertArrayEquals(new int[] {m.length, m[0].length}, a.shape(), names.get(k + 1));
            assertArrayEquals(NpzFixtures.flat(m), a.values(), 0.0, names.get(k + 1));
        }
        assertArrayEquals(new int[] {12, 784}, NpzFixtures.parse(entries.get("W1.npy")).shape(), "W1 is (units, pixels)");
        assertArrayEquals(new int[] {12, 1}, NpzFixtures.parse(entries.get("b1.npy")).shape(), "b1 is a column");
    }

    /**
     * The state arrays' names are the file format (README, "Saved sessions"): whatever the code
     * that owns them, each optimizer in the table saves exactly these, after the parameters. A
     * new optimizer fails here until its names are written down.
     */
    @Test
    void everyOptimizerInTheTableSavesItsStateUnderTheNamesTheFormatGives() throws IOException {
        Map<String, List<String>> prefixes = Map.of("gd", List.of(), "momentum", List.of("opt_v_"),
                "nesterov", List.of("opt_v_"), "adam", List.of("opt_m_", "opt_s_"));
        for (mnistshell.train.UpdateRule rule : mnistshell.train.Optimizers.ALL) {
            assertTrue(prefixes.containsKey(rule.name()), rule.name() + " is not in the file format's list");
            Session s = trained(rule.name());
            Path file = dir.resolve(rule.name() + ".npz");
            SessionFile.save(s, List.of(), file);
            List<String> names = new ArrayList<>(List.of("session.json", "W1.npy", "b1.npy", "W2.npy", "b2.npy"));
            for (String prefix : prefixes.get(rule.name())) {
                for (String p : List.of("W1", "b1", "W2", "b2")) {
                    names.add(prefix + p + ".npy");
                }
            }
            assertEquals(names, new ArrayList<>(NpzFixtures.entries(file).keySet()), rule.name());
        }
    }

    @Test
    void sessionJsonSaysWhatTheIssueAsksFor() throws IOException {
        Session s = trained("momentum");
        Path file = dir.resolve("s.npz");
        SessionFile.save(s, List.of("set optimizer momentum", "step 3"), file);
        String json = new String(NpzFixtures.entries(file).get("session.json"), StandardCharsets.UTF_8);
        for (String key : List.of("\"format\" : \"mnist-shell-session\"", "\"version\" : 1", "\"activation\" : \"tanh\"",
                "\"init\" : \"xavier\"", "\"optimizer\" : \"momentum\"", "\"batchPosition\" : 48", "\"updates\" : 3",
                "\"sha256\" : \"" + DataIdentity.sha256(DATA) + "\"", "\"step 3\"", "\"key\" : \"batch\"")) {
            assertTrue(json.contains(key), key + " in " + json);
        }
    }

    @Test
    void savingTheSameSessionTwiceGivesTheSameBytes() throws IOException {
        Session s = trained("gd");
        SessionFile.save(s, List.of(), dir.resolve("a.npz"));
        SessionFile.save(s, List.of(), dir.resolve("b.npz"));
        assertArrayEquals(Files.readAllBytes(dir.resolve("a.npz")), Files.readAllBytes(dir.resolve("b.npz")));
    }

    @Test
    void npSavezWeightsWithNumpysOneDimensionalBiasesLoad() throws IOException {
        double[] w1 = IntStream.range(0, 5 * 784).mapToDouble(i -> Math.sin(i) / 10).toArray();
        double[] b1 = {0.1, -0.2, 0.3, -0.4, 0.5};
        double[] w2 = IntStream.range(0, 10 * 5).mapToDouble(i -> Math.cos(i) / 3).toArray();
        double[] b2 = IntStream.range(0, 10).mapToDouble(i -> i / 100.0).toArray();
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        entries.put("W1.npy", NpzFixtures.npy("<f8", new int[] {5, 784}, w1));
        entries.put("b1.npy", NpzFixtures.npy("<f8", new int[] {5}, b1));
        entries.put("W2.npy", NpzFixtures.npy("<f8", new int[] {10, 5}, w2));
        entries.put("b2.npy", NpzFixtures.npy("<f8", new int[] {10, 1}, b2));
        Path file = NpzFixtures.write(dir.resolve("notebook.npz"), entries);
        Session s = new Session(DATA, Split.shuffled(DATA.size(), 40, 3), 4);
        LoadedSession loaded = SessionLoader.load(file, s);
        List<Tensor> t = loaded.network().tensors();
        assertEquals("784-5-10", loaded.network().architecture());
        assertArrayEquals(w1, NpzFixtures.flat(t.get(0).values()), 0.0);
        assertArrayEquals(b1, NpzFixtures.flat(t.get(1).values()), 0.0);
        assertArrayEquals(w2, NpzFixtures.flat(t.get(2).values()), 0.0);
        assertArrayEquals(b2, NpzFixtures.flat(t.get(3).values()), 0.0);
        assertEquals(0, loaded.training().updates());
        assertTrue(String.join(" ", loaded.notes()).contains("assumed leaky-relu(0.01)"), loaded.notes().toString());
    }

    @Test
    void loadingOnOtherDataSaysSoAndWhatIsLoaded() {
        Session s = trained("gd");
        Path file = dir.resolve("s.npz");
        SessionFile.save(s, List.of(), file);
        Dataset other = TestData.random(150, 28, 28, 9);
        LoadedSession loaded = SessionLoader.load(file, new Session(other, Split.shuffled(150, 30, 3), 4));
        String note = String.join("\n", loaded.notes());
        assertTrue(note.contains("trained on different data: random(8), 200 images"), note);
        assertTrue(note.contains("loaded now: random(9), 150 images"), note);
        assertTrue(SessionLoader.load(file, s).notes().isEmpty(), "same data, same split: nothing to say");
    }
}
