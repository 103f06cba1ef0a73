package mnistshell.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Several runs' curves in one picture, drawn by JFreeChart as {@link CurvesImage} draws one run's:
 * the loss of each batch above (its own scale), the held-out accuracy below (0 to 100%), over the
 * update number; one colour per run in both, named once in the legend. NaN values are left out.
 * With more runs than {@link #COLOURS}, the colours come round again, dashed.
 */
public final class RunsImage {

    public static final int WIDTH = 900;
    public static final int HEIGHT = 620;
    /** Colours that tell lines apart (matplotlib's tab10); runs beyond them take them again, dashed. */
    static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
        new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
        new Color(0xbcbd22), new Color(0x17becf)};

    private RunsImage() {
    }

    /** {@code loss} and {@code accuracy} hold one curve per run, in the same order; accuracies are shares. */
    public static BufferedImage draw(String lossTitle, List<RunsChart.Curve> loss, String accuracyTitle,
                                     List<RunsChart.Curve> accuracy) {
        XYPlot top = plot(new NumberAxis(lossTitle), loss, 1, true);
        NumberAxis percent = new NumberAxis(accuracyTitle + " (%)");
        percent.setRange(0, 100);
        XYPlot bottom = plot(percent, accuracy, 100, false);
        NumberAxis updates = new NumberAxis("update");
        updates.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(updates);
        plot.setGap(12);
        plot.add(top, 1);
        plot.add(bottom, 1);
        JFreeChart chart = new JFreeChart(loss.size() + (loss.size() == 1 ? " run" : " runs") + " compared",
                new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart.createBufferedImage(WIDTH, HEIGHT);
    }

    private static XYPlot plot(NumberAxis range, List<RunsChart.Curve> curves, double scale, boolean inLegend) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int k = 0; k < curves.size(); k++) {
            RunsChart.Curve c = curves.get(k);
            XYSeries s = new XYSeries(k + " " + c.run(), false, true); // the index keeps equal names apart
            for (int i = 0; i < c.updates().length; i++) {
                if (Double.isFinite(c.values()[i])) {
                    s.add(c.updates()[i], c.values()[i] * scale);
                }
            }
            data.addSeries(s);
            renderer.setSeriesPaint(k, COLOURS[k % COLOURS.length]);
            // forks share their first updates: each run drawn thinner over the ones before it, so
            // that a shared stretch shows every run's colour as a band rather than the last one alone
            float width = 1.5f + 1.5f * Math.min(4, curves.size() - 1 - k);
            renderer.setSeriesStroke(k, k < COLOURS.length ? new BasicStroke(width)
                    : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
            renderer.setSeriesShapesVisible(k, s.getItemCount() < 40); // few points (each epoch's end): show them
            renderer.setSeriesVisibleInLegend(k, inLegend);
        }
        renderer.setLegendItemLabelGenerator((dataset, series) -> curves.get(series).run());
        range.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(data, null, range, renderer);
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD); // the first run at the bottom
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        return plot;
    }
}
