package mnistshell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import mnistshell.shell.ShellFixture;
import mnistshell.train.History;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.LegendItemSource;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

/**
 * {@code history --png} names its accuracy series for what it holds, read from the legend of the
 * JFreeChart object: each legend entry is followed to the values it stands for, and those are
 * checked against what the training measured.
 */
class CurvesImageLegendTest {

    /** A legend entry and the values of the series it names, by update. */
    record Entry(String label, double[] values) {
    }

    @Test
    void underMiniBatchesTheAccuracyOfEachBatchIsCalledBatchAccuracy() {
        ShellFixture f = new ShellFixture(false);
        f.run("set batch 32; step 5");
        List<History.Point> points = f.session.training().history().points();
        Entry batch = entryHolding(legend(chartOf(points)), percent(points));
        assertEquals("batch accuracy, before each update", batch.label());
        for (double v : batch.values()) {
            double right = v / 100 * 32; // a share of 32 images: a whole number of them right
            assertEquals(Math.rint(right), right, 1e-9, "the accuracy of a batch of 32: " + v);
        }
    }

    @Test
    void underFullBatchTheBatchIsTheWholeTrainingSetAndKeepsItsName() {
        ShellFixture f = new ShellFixture(false);
        double before = f.session.evaluateTrain().accuracy();
        f.run("set batch full; step 3");
        List<History.Point> points = f.session.training().history().points();
        Entry batch = entryHolding(legend(chartOf(points)), percent(points));
        assertEquals("batch accuracy, before each update", batch.label());
        assertEquals(100 * before, batch.values()[0], 1e-9,
                "the first update's batch is every training image, measured before it");
    }

    @Test
    void theHeldOutSeriesIsNamedForTheImagesItWasMeasuredOn() {
        ShellFixture f = new ShellFixture(false);
        f.run("data split --test 100 --val 100; step 3");
        History h = f.session.training().history();
        double[] val = h.validations().stream().mapToDouble(v -> 100 * v.accuracy()).toArray();
        List<History.Point> points = h.points();
        double[] loss = points.stream().mapToDouble(History.Point::loss).toArray();
        double[] batch = points.stream().mapToDouble(History.Point::trainAccuracy).toArray();
        double[] heldOut = h.validations().stream().mapToDouble(History.Validation::accuracy).toArray();
        Entry e = entryHolding(legend(CurvesImage.chart(loss, batch, heldOut, "validation accuracy", Map.of())), val);
        assertEquals("validation accuracy", e.label());
    }

    /** The chart {@code history --png} draws from these points, without a validation set. */
    private static JFreeChart chartOf(List<History.Point> points) {
        double[] loss = points.stream().mapToDouble(History.Point::loss).toArray();
        double[] batch = points.stream().mapToDouble(History.Point::trainAccuracy).toArray();
        double[] test = points.stream().mapToDouble(History.Point::testAccuracy).toArray();
        return CurvesImage.chart(loss, batch, test, Map.of());
    }

    private static double[] percent(List<History.Point> points) {
        return points.stream().mapToDouble(p -> 100 * p.trainAccuracy()).toArray();
    }

    /** What the chart's legend shows, each entry with the series it stands for. */
    private static List<Entry> legend(JFreeChart chart) {
        assertNotNull(chart.getLegend(), "the chart has a legend");
        List<Entry> out = new ArrayList<>();
        for (LegendItemSource source : chart.getLegend().getSources()) {
            LegendItemCollection items = source.getLegendItems();
            for (int k = 0; k < items.getItemCount(); k++) {
                LegendItem item = items.get(k);
                XYDataset data = (XYDataset) item.getDataset();
                int s = item.getSeriesIndex();
                double[] values = new double[data.getItemCount(s)];
                for (int i = 0; i < values.length; i++) {
                    values[i] = data.getYValue(s, i);
                }
                out.add(new Entry(item.getLabel(), values));
            }
        }
        return out;
    }

    private static Entry entryHolding(List<Entry> legend, double[] values) {
        List<Entry> holding = legend.stream().filter(e -> Arrays.equals(e.values(), values)).toList();
        assertEquals(1, holding.size(), "one legend entry for the batch accuracies, among "
                + legend.stream().map(Entry::label).toList());
        assertTrue(values.length > 0);
        return holding.get(0);
    }
}
