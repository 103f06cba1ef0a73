package mnistshell.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mnistshell.shell.ShellFixture;
import mnistshell.train.History;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Layer statistics in saved sessions: kept through save and load, absent in older files, thinned when long. */
class SessionLayersTest {

    final ShellFixture f = new ShellFixture(false);

    @TempDir
    Path dir;

    void run(String line) {
        f.shell.execute(line, () -> false);
    }

    List<History.Layers> layers() {
        return new ArrayList<>(f.session.training().history().layers());
    }

    @Test
    void aSavedSessionKeepsItsLayerStatistics() {
        run("init 784-16-8-10; set batch 32; step 4");
        List<History.Layers> before = layers();
        Path file = dir.resolve("s.npz");
        run("save " + file + "; init; load " + file);
        List<History.Layers> after = layers();
        assertEquals(4, after.size());
        for (int i = 0; i < 4; i++) {
            assertEquals(before.get(i).update(), after.get(i).update());
            assertArrayEquals(before.get(i).gradient(), after.get(i).gradient());
            assertArrayEquals(before.get(i).ratio(), after.get(i).ratio());
            assertArrayEquals(before.get(i).mean(), after.get(i).mean());
            assertArrayEquals(before.get(i).std(), after.get(i).std());
            assertArrayEquals(before.get(i).inactive(), after.get(i).inactive());
        }
    }

    @Test
    void aFileSavedWithoutThemStillLoads() throws Exception {
        run("step 3");
        Path file = dir.resolve("s.npz");
        run("save " + file);
        Map<String, byte[]> entries = NpzFixtures.entries(file);
        ObjectMapper json = new ObjectMapper();
        ObjectNode header = (ObjectNode) json.readTree(entries.get("session.json"));
        header.remove("layers");
        entries.put("session.json", json.writeValueAsBytes(header));
        Path old = NpzFixtures.write(dir.resolve("old.npz"), entries);
        run("init; load " + old);
        assertEquals(3, f.session.iteration());
        assertTrue(layers().isEmpty(), "no statistics, and no error");
        run("step 1");
        assertEquals(List.of(4), layers().stream().map(History.Layers::update).toList(), "recorded again from here");
    }

    @Test
    void aLongRunIsThinnedToEveryKthUpdateEndingAtTheLast() {
        List<History.Layers> all = new ArrayList<>();
        for (int u = 1; u <= 25_001; u++) {
            all.add(new History.Layers(u, new double[] {u}, new double[] {Double.NaN}, new double[0], new double[0],
                    new double[0]));
        }
        SessionHeader.LayersPart p = SessionFile.layers(all);
        // 25,001 rows over 10,000: every 3rd, counted back from the last
        assertEquals(8334, p.update().length);
        assertEquals(25_001, p.update()[p.update().length - 1]);
        assertEquals(24_998, p.update()[p.update().length - 2]);
        assertEquals(null, p.ratio()[0][0], "NaN is written as null");
    }
}
