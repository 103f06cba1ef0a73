package mnistshell.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import mnistshell.errors.ShellError;
import mnistshell.render.LayersImage;
import mnistshell.train.History;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.io.TempDir;
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
        assertEquals(0, axis.indexOf('^') - axis.indexOf('└') - 1, "batch set before update 1 marked: " + axis);
        assertEquals(10, axis.lastIndexOf('^') - axis.indexOf('└') - 1, "the change before update 11 marked: " + axis);
    }

    @Test
    void sigmoidLayersAreSaidToSaturate() {
        run("init 784-8-10 --act sigmoid; step 2");
        assertTrue(run("history --layers").contains("share saturated (slope under 5% of its largest)"));
    }

    @Test
    void layersWithCsvIsRefusedAndWritesNothing() {
        run("step 1");
        Path csv = dir.resolve("x.csv");
        assertThrows(ShellError.class, () -> run("history --layers --csv " + csv));
        assertFalse(java.nio.file.Files.exists(csv), "a refused command writes no file");
    }

    @TempDir
    Path dir;

    @Test
    void layersAsPngDrawTheTextChartsSeriesWithAxesALegendAndTheChange() throws Exception {
        run("init 784-16-8-10; set batch 32; step 10; set lr 0.05; step 5");
        Path png = dir.resolve("layers.png");
        String out = run("history --layers --png " + png);
        assertEquals("wrote " + png + " (" + LayersImage.WIDTH + "x" + LayersImage.HEIGHT
                + " PNG): layer statistics of 15 updates, recorded at every update\n", out);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(LayersImage.WIDTH, img.getWidth());
        assertEquals(LayersImage.HEIGHT, img.getHeight());

        History history = f.session.training().history();
        LayersImage.Series s = LayerCharts.series(history.layers(), f.session.network());
        JFreeChart chart = LayersImage.chart(s, HistoryCommand.changesByPosition(history.changes()));
        CombinedDomainXYPlot plot = (CombinedDomainXYPlot) chart.getXYPlot();
        assertEquals("update", plot.getDomainAxis().getLabel());
        List<XYPlot> panels = plot.getSubplots();
        assertEquals(4, panels.size(), "upd/w, gradient norms, mean and std, share off");
        assertTrue(panels.get(0).getRangeAxis() instanceof LogAxis, "upd/w on a log scale");
        assertTrue(panels.get(1).getRangeAxis() instanceof LogAxis, "gradient norms on a log scale");
        assertEquals(1e-3, ((ValueMarker) panels.get(0).getRangeMarkers(Layer.FOREGROUND).iterator().next()).getValue());
        assertEquals("share off (%)", panels.get(3).getRangeAxis().getLabel());
        for (XYPlot p : panels) {
            assertTrue(p.getRangeAxis().isTickLabelsVisible() && !p.getRangeAxis().getLabel().isEmpty());
            assertEquals(List.of(0.5, 10.5), markers(p).stream().map(ValueMarker::getValue).toList(),
                    "batch set before update 1, lr between updates 10 and 11");
        }
        assertEquals(List.of("batch = 32", "lr = 0.05"), markers(panels.get(0)).stream().map(ValueMarker::getLabel).toList(),
                "labelled with what changed on the top panel");
        assertEquals(3 + 3 + 2 + 2 + 2, chart.getPlot().getLegendItems().getItemCount(), "a legend entry per line");
        // the values drawn are the history's, W2 (the second weight matrix) at index 2 among W1 b1 W2 ...
        XYSeriesCollection ratios = (XYSeriesCollection) panels.get(0).getDataset();
        assertEquals("W2 upd/w", ratios.getSeries(1).getKey());
        for (int i = 0; i < 15; i++) {
            History.Layers l = history.layers().get(i);
            assertEquals(l.update(), ratios.getSeries(1).getX(i).intValue());
            assertEquals(l.ratio()[2], ratios.getSeries(1).getY(i).doubleValue(), 0);
        }
        XYSeriesCollection shares = (XYSeriesCollection) panels.get(3).getDataset();
        assertEquals(100 * history.layers().get(4).inactive()[1], shares.getSeries(1).getY(4).doubleValue(), 1e-12,
                "hidden layer 2's share off, in percent");
    }

    static List<ValueMarker> markers(XYPlot p) {
        return p.getDomainMarkers(Layer.FOREGROUND).stream().map(m -> (ValueMarker) m).toList();
    }

    @Test
    void aChartOfStatisticsKeptEveryKUpdatesSaysSo() {
        int[] updates = {7, 17, 27, 37, 47};
        assertEquals("recorded every 10 updates (5 points), as a saved session keeps them", LayersImage.sampling(updates));
        assertEquals("recorded at every update", LayersImage.sampling(new int[] {3, 4, 5}));
        double[] v = {1e-3, 2e-3, 3e-3, 4e-3, 5e-3};
        LayersImage.Series s = new LayersImage.Series(updates, List.of(new LayersImage.Line("W1 upd/w", v)),
                List.of(new LayersImage.Line("||dW1||", v)), List.of(), List.of(), List.of(), "off");
        JFreeChart chart = LayersImage.chart(s, java.util.Map.of());
        assertTrue(chart.getSubtitles().stream().anyMatch(t -> t instanceof TextTitle tt
                && tt.getText().equals(LayersImage.sampling(updates))), "the subtitle says how they were sampled");
        assertEquals(2, ((CombinedDomainXYPlot) chart.getXYPlot()).getSubplots().size(), "no hidden layer: two panels");
    }
}
