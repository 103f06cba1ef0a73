package mnistshell.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * {@code history --layers --png}: the layer statistics over the updates, drawn by JFreeChart as
 * the text charts show them, one panel each over a shared update axis: upd/w per weight matrix
 * (log scale, a guide at the healthy 1e-3), the gradient norms (log scale), the activations' mean
 * (solid) and standard deviation (dashed) per hidden layer, and the share of units off or
 * saturated. Each setting change is a dashed line labelled with what changed; the subtitle says
 * how often the statistics were recorded.
 */
public final class LayersImage {

    public static final int WIDTH = 900;
    public static final int HEIGHT = 1000;
    public static final double GUIDE = 1e-3;
    /** A colour per layer (W1 and hidden layer 1 share the first), as matplotlib's first ten. */
    static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
        new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
        new Color(0xbcbd22), new Color(0x17becf)};
    static final Color LABEL_BACKGROUND = new Color(255, 255, 255, 210);
    static final BasicStroke DASHED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
            new float[] {6, 4}, 0);

    /** One curve: its legend name, a value per recorded update (NaN, or 0 on a log scale, left out). */
    public record Line(String name, double[] values) {
    }

    /**
     * The statistics to draw: {@code updates[i]} is the update whose values are at {@code i};
     * {@code ratio} and {@code gradient} have a line per weight matrix, {@code mean}, {@code std}
     * and {@code inactive} one per hidden layer ({@code inactive} as a share 0..1, named by
     * {@code inactiveWord}: "off" or "saturated").
     */
    public record Series(int[] updates, List<Line> ratio, List<Line> gradient, List<Line> mean, List<Line> std,
                         List<Line> inactive, String inactiveWord) {
    }

    private LayersImage() {
    }

    /** {@code changes}: updates made before each setting change, with what changed ("lr = 0.5"). */
    public static BufferedImage draw(Series s, Map<Integer, String> changes) {
        return chart(s, changes).createBufferedImage(WIDTH, HEIGHT);
    }

    /** The chart itself, for tests to read its series, axes and markers. */
    public static JFreeChart chart(Series s, Map<Integer, String> changes) {
        NumberAxis updates = new NumberAxis("update");
        updates.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(updates);
        plot.setGap(14);
        XYPlot ratio = plot(log("upd/w  (||change|| / ||W||)"), s.updates(), s.ratio(), List.of(), 1);
        decades((LogAxis) ratio.getRangeAxis(), (XYSeriesCollection) ratio.getDataset(), GUIDE);
        ValueMarker guide = new ValueMarker(GUIDE, Color.GRAY, DASHED);
        guide.setLabel("1e-3, healthy");
        guide.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        guide.setLabelBackgroundColor(LABEL_BACKGROUND);
        guide.setLabelAnchor(RectangleAnchor.LEFT);
        guide.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        ratio.addRangeMarker(guide);
        plot.add(ratio, 1);
        XYPlot gradient = plot(log("gradient norm ||dW||"), s.updates(), s.gradient(), List.of(), 1);
        decades((LogAxis) gradient.getRangeAxis(), (XYSeriesCollection) gradient.getDataset(), Double.NaN);
        plot.add(gradient, 1);
        if (!s.mean().isEmpty()) {
            plot.add(plot(new NumberAxis("activation mean, std (dashed)"), s.updates(), s.mean(), s.std(), 1), 1);
            NumberAxis share = new NumberAxis("share " + s.inactiveWord() + " (%)");
            share.setRange(0, 100);
            plot.add(plot(share, s.updates(), s.inactive(), List.of(), 100), 1);
        }
        List<XYPlot> panels = plot.getSubplots();
        for (Map.Entry<Integer, String> c : changes.entrySet()) {
            for (int i = 0; i < panels.size(); i++) { // labelled once, on the top panel
                panels.get(i).addDomainMarker(marker(c.getKey() + 0.5, i == 0 ? c.getValue() : null));
            }
        }
        JFreeChart chart = new JFreeChart("layer statistics, updates " + s.updates()[0] + " to "
                + s.updates()[s.updates().length - 1], new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, true);
        chart.addSubtitle(new TextTitle(sampling(s.updates()), new Font(Font.SANS_SERIF, Font.PLAIN, 12)));
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /**
     * "recorded at every update", or "recorded every k updates (n points)" when a saved session
     * kept only every k-th (k the most common gap between recorded updates).
     */
    public static String sampling(int[] updates) {
        int n = updates.length;
        int span = updates[n - 1] - updates[0] + 1;
        if (span == n) {
            return "recorded at every update";
        }
        Map<Integer, Integer> gaps = new java.util.HashMap<>();
        for (int i = 1; i < n; i++) {
            gaps.merge(updates[i] - updates[i - 1], 1, Integer::sum);
        }
        int k = gaps.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        return "recorded every " + k + " updates (" + n + " points), as a saved session keeps them";
    }

    private static LogAxis log(String label) {
        LogAxis axis = new LogAxis(label);
        axis.setBase(10);
        java.text.DecimalFormatSymbols e = java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT);
        e.setExponentSeparator("e");
        axis.setNumberFormatOverride(new java.text.DecimalFormat("0E0", e)); // 1e-3, as the text charts write it
        return axis;
    }

    /**
     * A log axis from the decade below the smallest value (or {@code guide}) to the decade above
     * the largest, a tick at each decade: as {@link LogChart} spans its rows.
     */
    private static void decades(LogAxis axis, XYSeriesCollection data, double guide) {
        double lo = Double.isNaN(guide) ? Double.POSITIVE_INFINITY : guide;
        double hi = Double.isNaN(guide) ? Double.NEGATIVE_INFINITY : guide;
        for (int k = 0; k < data.getSeriesCount(); k++) {
            if (data.getSeries(k).getItemCount() > 0) {
                lo = Math.min(lo, data.getSeries(k).getMinY());
                hi = Math.max(hi, data.getSeries(k).getMaxY());
            }
        }
        if (lo > hi) {
            return;
        }
        double bottom = Math.floor(Math.log10(lo));
        double top = Math.max(bottom + 1, Math.ceil(Math.log10(hi)));
        axis.setRange(Math.pow(10, bottom), Math.pow(10, top));
        axis.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(top - bottom > 8 ? 2 : 1), false, true);
    }

    /** A panel of {@code solid} lines and {@code dashed} ones (the same colours, layer by layer), values times {@code scale}. */
    private static XYPlot plot(ValueAxis range, int[] updates, List<Line> solid, List<Line> dashed, double scale) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, updates.length == 1);
        renderer.setDrawSeriesLineAsPath(true); // else a dash restarts at every point and 3,000 points look solid
        boolean log = range instanceof LogAxis;
        int k = 0;
        for (List<Line> lines : List.of(solid, dashed)) {
            for (int i = 0; i < lines.size(); i++) {
                data.addSeries(series(lines.get(i), updates, scale, log));
                renderer.setSeriesPaint(k, COLOURS[i % COLOURS.length]);
                renderer.setSeriesStroke(k, lines == dashed ? DASHED : new BasicStroke(1.5f));
                k++;
            }
        }
        if (range instanceof NumberAxis n && !log) {
            n.setAutoRangeIncludesZero(false);
        }
        XYPlot plot = new XYPlot(data, null, range, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        return plot;
    }

    /** (update, value * scale) for each finite value, and only positive ones on a log scale. */
    private static XYSeries series(Line line, int[] updates, double scale, boolean log) {
        XYSeries s = new XYSeries(line.name(), false, true);
        for (int i = 0; i < updates.length; i++) {
            double v = line.values()[i] * scale;
            if (Double.isFinite(v) && (!log || v > 0)) {
                s.add(updates[i], v);
            }
        }
        return s;
    }

    /** A dashed line between update {@code x - 0.5} and {@code x + 0.5}, labelled when {@code label} is given. */
    private static ValueMarker marker(double x, String label) {
        ValueMarker m = new ValueMarker(x, CurvesImage.CHANGE, DASHED);
        if (label != null) {
            m.setLabel(label);
            m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            m.setLabelPaint(CurvesImage.CHANGE.darker());
            m.setLabelBackgroundColor(LABEL_BACKGROUND);
            m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        }
        return m;
    }
}
