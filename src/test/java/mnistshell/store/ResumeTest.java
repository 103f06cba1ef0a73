package mnistshell.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mnistshell.data.Dataset;
import mnistshell.data.Split;
import mnistshell.nn.Tensor;
import mnistshell.nn.TestData;
import mnistshell.session.Session;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The exact-resume identity: {@code step 2N} gives the same bits as {@code step N; save; load;
 * step N}, for each optimizer, in full batch and in mini-batches whose shuffle resumes mid-epoch.
 */
class ResumeTest {

    static final Dataset DATA = TestData.random(300, 28, 28, 6);
    static final int N = 7;

    @TempDir
    Path dir;

    static Session session(String optimizer, String batch) {
        Session s = new Session(DATA, Split.shuffled(DATA.size(), 50, 1), 5);
        s.set("optimizer", List.of(optimizer));
        s.set("lr", List.of(optimizer.equals("adam") ? "0.01" : "0.1"));
        s.set("batch", List.of(batch));
        s.set("threads", List.of("2"));
        return s;
    }

    static void step(Session s, int n) {
        s.step(n, () -> false, done -> { });
    }

    static List<double[]> state(Session s) {
        List<double[]> all = new ArrayList<>();
        for (Tensor t : s.network().tensors()) {
            all.add(NpzFixtures.flat(t.values()));
        }
        for (double[][] a : s.training().optimizer().state()) {
            all.add(NpzFixtures.flat(a));
        }
        return all;
    }

    static void assertSameBits(List<double[]> expected, List<double[]> actual) {
        assertEquals(expected.size(), actual.size(), "arrays");
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), 0.0, "array " + i);
        }
    }

    static void load(Path file, Session into) {
        LoadedSession loaded = SessionLoader.load(file, into);
        into.restore(loaded.network(), loaded.init(), loaded.seed(), loaded.training());
    }

    @ParameterizedTest(name = "{0}, batch {1}")
    @CsvSource({"gd, full", "gd, 32", "momentum, full", "momentum, 32", "nesterov, 32", "adam, full", "adam, 32"})
    void stepTwiceNEqualsStepNSaveLoadStepN(String optimizer, String batch) {
        Session straight = session(optimizer, batch);
        step(straight, 2 * N);

        Session first = session(optimizer, batch);
        step(first, N);
        Path file = dir.resolve("half.npz");
        SessionFile.save(first, List.of(), file);
        Session resumed = new Session(DATA, Split.shuffled(DATA.size(), 50, 1), 99); // other weights to start
        load(file, resumed);
        step(resumed, N);
        assertSameBits(state(straight), state(resumed));
        assertEquals(straight.training().epoch(), resumed.training().epoch());
        assertEquals(straight.training().order().position(), resumed.training().order().position());
        assertEquals(straight.training().optimizer().updates(), resumed.training().optimizer().updates());
        // records compare doubles with Double.compare, so NaN (test accuracy not measured) equals NaN
        assertEquals(straight.training().history().points(), resumed.training().history().points());
        assertEquals(straight.training().history().changes(), resumed.training().history().changes());

        load(file, first); // into the same session it was saved from: back to update N
        step(first, N);
        assertSameBits(state(straight), state(first));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"gd", "adam"})
    void aMiniBatchResumeReallyIsMidEpoch(String optimizer) {
        Session s = session(optimizer, "32");
        step(s, N);
        assertNotEquals(0, s.training().order().position(), "the save point must fall inside an epoch");
        assertEquals(N * 32 % 250, s.training().order().position());
    }
}
