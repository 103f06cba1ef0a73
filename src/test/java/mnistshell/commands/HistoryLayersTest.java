package mnistshell.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import mnistshell.errors.ShellError;
import mnistshell.shell.ShellFixture;
import org.junit.jupiter.api.Test;

/** history --layers: a chart per weight matrix and hidden layer, within 80 columns. */
class HistoryLayersTest {

    final ShellFixture f = new ShellFixture(false);

    String run(String line) {
        return f.run(line);
    }

    @Test
    void everyLayerIsChartedWithinEightyColumns() {
        run("init 784-16-8-10; set batch 32; step 10; set lr 0.05; step 5");
        String out = run("history --layers");
        List<String> lines = out.lines().toList();
        assertTrue(lines.stream().allMatch(l -> l.length() <= 80), out);
        assertTrue(lines.get(0).equals("layer statistics of updates 1 to 15; a column each"), lines.get(0));
        for (String w : List.of("W1 (16x784)", "W2 (8x16)", "W3 (10x8)")) {
            assertTrue(out.contains(w + ": upd/w"), w + " in " + out);
        }
        assertEquals(3, lines.stream().filter(l -> l.startsWith("1e-3 ┤") || l.contains(" 1e-3 ┤")).count(),
                "a 1e-3 guide under each upd/w chart: " + out);
        assertTrue(out.contains("hidden layer 2 (8 units, leaky-relu(0.01))"), out);
        assertTrue(out.contains("share off (output 0 or below)"), out);
        String axis = lines.stream().filter(l -> l.contains("└") && l.contains("^")).findFirst().orElseThrow();
        assertEquals(10, axis.indexOf('^') - axis.indexOf('└') - 1, "the change before update 11 marked: " + axis);
    }

    @Test
    void sigmoidLayersAreSaidToSaturate() {
        run("init 784-8-10 --act sigmoid; step 2");
        assertTrue(run("history --layers").contains("share saturated (slope under 5% of its largest)"));
    }

    @Test
    void layersWithCsvOrPngIsRefused() {
        run("step 1");
        assertThrows(ShellError.class, () -> run("history --layers --csv x.csv"));
    }
}
