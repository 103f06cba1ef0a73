package mnistshell.render;

import java.util.ArrayList;
import java.util.List;

/**
 * The train panel's screen as text, from a {@link Frame} of plain figures: a line or two of figures
 * at the top, then the panes that fit (curves, layers, first-layer units, held-out images), the key line
 * at the bottom. Panes shrink before any is left out; what still does not fit is left for {@code p}
 * to cycle to. Pure, so every size can be checked without a terminal.
 */
public final class TrainScreen {

    public static final String CURVES = "curves";
    public static final String LAYERS = "layers";
    public static final String UNITS = "units";
    public static final String DIGITS = "digits";
    public static final List<String> PANES = List.of(CURVES, LAYERS, UNITS, DIGITS);

    static final String KEYS = "space pause  n one update  + - lr x2 /2  q stop";
    /** Narrowest chart, label column included. */
    static final int CHART_WIDTH = 38;
    /** Warnings shown at most; more are counted. */
    static final int WARNINGS = 3;
    /** Chart heights and picture sizes tried, largest first. */
    private static final int[] CHART_HEIGHTS = {8, 5, 3};
    private static final int[] PICTURE_ROWS = {14, 14, 7};

    /**
     * One layer's line of the layers pane; each series is oldest first, its last value the current one.
     *
     * @param active share of units active per image (empty for the output layer)
     */
    public record Layer(String name, double[] gradient, double[] updateRatio, double[] active) {
    }

    /** A watched held-out image: its grey values, label, the current prediction and its probability. */
    public record Digit(int index, int[] grey, int label, int predicted, double confidence) {
    }

    /**
     * Everything drawn. {@code heldOut} says what {@code heldOutAccuracy} and the digits are of,
     * "val" or "test". {@code marks} are positions in the series before which a setting changed,
     * {@code legend} describes them; the digits' grey values are {@code pictureRows x pictureCols},
     * and so are the {@code units}, first-layer weight rows, unless {@code unitRows x unitCols}
     * says otherwise: then they are a convolution's k x k filters, and the pane calls them so.
     */
    public record Frame(List<String> figures, double[] loss, double[] batchAccuracy, double[] heldOutAccuracy,
                        String heldOut, int[] marks, String legend, List<Layer> layers, List<String> warnings,
                        List<double[]> units, List<Digit> digits, int pictureRows, int pictureCols, String message,
                        int firstUpdate, int unitRows, int unitCols) {

        /** Units of the digits' size: a dense first layer's. */
        public Frame(List<String> figures, double[] loss, double[] batchAccuracy, double[] heldOutAccuracy,
                     String heldOut, int[] marks, String legend, List<Layer> layers, List<String> warnings,
                     List<double[]> units, List<Digit> digits, int pictureRows, int pictureCols, String message,
                     int firstUpdate) {
            this(figures, loss, batchAccuracy, heldOutAccuracy, heldOut, marks, legend, layers, warnings, units, digits,
                    pictureRows, pictureCols, message, firstUpdate, pictureRows, pictureCols);
        }

        /** Whether the units are a convolution's filters rather than pictures of the digits' size. */
        public boolean filters() {
            return unitRows != pictureRows || unitCols != pictureCols;
        }

        /** As above, the series starting at update 1. */
        public Frame(List<String> figures, double[] loss, double[] batchAccuracy, double[] heldOutAccuracy,
                     String heldOut, int[] marks, String legend, List<Layer> layers, List<String> warnings,
                     List<double[]> units, List<Digit> digits, int pictureRows, int pictureCols, String message) {
            this(figures, loss, batchAccuracy, heldOutAccuracy, heldOut, marks, legend, layers, warnings, units, digits,
                    pictureRows, pictureCols, message, 1);
        }
    }

    /** Where a pane landed: rows {@code [top, top + height)}. */
    public record Placed(String pane, int top, int height) {
    }

    /** The screen: exactly {@code rows} lines, none wider than the terminal, and where each pane is. */
    public record Text(List<String> lines, List<Placed> panes, List<String> hidden) {
    }

    private TrainScreen() {
    }

    /** The screen for a terminal of {@code cols x rows}, panes tried from {@code first} on (what {@code p} turns). */
    public static Text render(Frame f, int cols, int rows, int first) {
        List<String> top = pack(f.figures(), cols);
        int body = Math.max(0, rows - top.size() - 1);
        List<String> order = new ArrayList<>();
        for (int i = 0; i < PANES.size(); i++) {
            order.add(PANES.get((first + i) % PANES.size()));
        }
        Panes panes = new Panes(f, cols);
        Choice choice = choose(panes, order, body);
        int level = choice.level();
        List<String> shown = choice.shown();
        List<String> lines = new ArrayList<>(top);
        List<Placed> placed = new ArrayList<>();
        List<String> hidden = new ArrayList<>();
        for (String pane : PANES) {
            if (!shown.contains(pane)) {
                hidden.add(pane);
                continue;
            }
            List<String> text = panes.text(pane, level);
            placed.add(new Placed(pane, lines.size(), text.size()));
            lines.addAll(text);
        }
        while (lines.size() < rows - 1) {
            lines.add("");
        }
        while (lines.size() > rows - 1 && lines.size() > 0) {
            lines.remove(lines.size() - 1);
        }
        lines.add(footer(f.message(), hidden, cols));
        List<String> fitted = new ArrayList<>();
        for (String line : lines.subList(Math.max(0, lines.size() - rows), lines.size())) {
            fitted.add(cut(line, cols));
        }
        return new Text(fitted, placed, hidden);
    }

    /** The panes shown, and at which of the sizes tried. */
    private record Choice(int level, List<String> shown) {
    }

    /**
     * All panes at the largest size at which they fit; else as many as fit at the smallest, from
     * the first on, then grown to the largest size at which those fit.
     */
    private static Choice choose(Panes panes, List<String> order, int body) {
        for (int level = 0; level < CHART_HEIGHTS.length; level++) {
            if (panes.sum(order, level) <= body) {
                return new Choice(level, order);
            }
        }
        int level = CHART_HEIGHTS.length - 1;
        List<String> shown = new ArrayList<>();
        int used = 0;
        for (String pane : order) {
            int h = panes.text(pane, level).size();
            if (used + h <= body) {
                shown.add(pane);
                used += h;
            }
        }
        while (level > 0 && panes.sum(shown, level - 1) <= body) {
            level--;
        }
        return new Choice(level, shown);
    }

    private static String footer(String message, List<String> hidden, int cols) {
        String more = hidden.isEmpty() ? "" : "  p more: " + String.join(", ", hidden);
        return message != null ? message : KEYS + more;
    }

    /** Each pane's text at each size, made once per frame however often the layout asks. */
    private static final class Panes {
        private final Frame f;
        private final int cols;
        private final java.util.Map<String, List<String>> made = new java.util.HashMap<>();

        Panes(Frame f, int cols) {
            this.f = f;
            this.cols = cols;
        }

        List<String> text(String pane, int level) {
            return made.computeIfAbsent(pane + level, k -> pane(f, pane, cols, level));
        }

        int sum(List<String> panes, int level) {
            int total = 0;
            for (String pane : panes) {
                total += text(pane, level).size();
            }
            return total;
        }
    }

    private static List<String> pane(Frame f, String pane, int cols, int level) {
        return switch (pane) {
            case CURVES -> curves(f, cols, CHART_HEIGHTS[level]);
            case LAYERS -> layers(f, cols);
            case UNITS -> units(f, cols, PICTURE_ROWS[level]);
            default -> digits(f, cols, PICTURE_ROWS[level]);
        };
    }

    /** Parts joined by two spaces into as few lines of at most {@code cols} as they go. */
    static List<String> pack(List<String> parts, int cols) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String part : parts) {
            if (line.length() > 0 && line.length() + 2 + part.length() > cols) {
                out.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? "  " : "").append(part);
        }
        if (line.length() > 0) {
            out.add(line.toString());
        }
        return out;
    }

    // ---- the panes ----

    /** Loss, batch accuracy and held-out accuracy, side by side as the width allows, and the changes marked. */
    static List<String> curves(Frame f, int cols, int height) {
        int perRow = Math.max(1, Math.min(3, (cols + 2) / (CHART_WIDTH + 2)));
        int width = (cols - 2 * (perRow - 1)) / perRow;
        int[] updates = new int[f.loss().length]; // the x axis's ticks
        for (int i = 0; i < updates.length; i++) {
            updates[i] = f.firstUpdate() + i;
        }
        List<List<String>> charts = List.of(
                chart("loss of each batch", f.loss(), updates, f.marks(), width, height, Numbers::brief),
                chart("accuracy on each batch", f.batchAccuracy(), updates, f.marks(), width, height, Numbers::percent),
                chart(f.heldOut() + " accuracy", forwardFilled(f.heldOutAccuracy()), updates, f.marks(), width, height,
                        Numbers::percent));
        List<String> out = new ArrayList<>();
        for (int first = 0; first < charts.size(); first += perRow) {
            List<List<String>> row = charts.subList(first, Math.min(charts.size(), first + perRow));
            int lines = row.stream().mapToInt(List::size).max().orElse(0);
            for (int line = 0; line < lines; line++) {
                StringBuilder s = new StringBuilder();
                for (int c = 0; c < row.size(); c++) {
                    String cell = line < row.get(c).size() ? row.get(c).get(line) : "";
                    s.append(c > 0 ? "  " : "").append(pad(cell, width));
                }
                out.add(s.toString().stripTrailing());
            }
        }
        out.add(f.legend().isEmpty() ? "" : "^ " + f.legend());
        return out;
    }

    private static List<String> chart(String title, double[] values, int[] updates, int[] marks, int width, int height,
                                      java.util.function.DoubleFunction<String> format) {
        List<String> out = new ArrayList<>();
        out.add(title);
        int label = 10; // the widest label BlockChart writes here, "-1.2e-10 ┤"
        String text = values.length == 0 ? "(no update yet)\n"
                : BlockChart.render(values, updates, marks, width - label, height, format);
        out.addAll(List.of(text.split("\n")));
        return out;
    }

    /** Held-out accuracy holds from one measurement to the next (at each epoch's end with mini-batches). */
    static double[] forwardFilled(double[] values) {
        double[] out = values.clone();
        for (int i = 1; i < out.length; i++) {
            if (Double.isNaN(out[i])) {
                out[i] = out[i - 1];
            }
        }
        return out;
    }

    /** A line per weight layer: its gradient's size, upd/w and the share of its units active, each with a sparkline. */
    static List<String> layers(Frame f, int cols) {
        int spark = Math.max(0, Math.min(64, (cols - 35) / 3));
        List<String> out = new ArrayList<>();
        out.add(String.format("%-5s %-" + (9 + spark) + "s  %-" + (9 + spark) + "s  %s", "layer", "|grad|", "upd/w",
                "active"));
        for (Layer l : f.layers()) {
            out.add(String.format("%-5s %s  %s  %s", l.name(), figure(l.gradient(), spark, true, false),
                    figure(l.updateRatio(), spark, true, false),
                    l.active().length == 0 ? "output" : figure(l.active(), spark, false, true)).stripTrailing());
        }
        int shown = Math.min(WARNINGS, f.warnings().size());
        for (int i = 0; i < shown; i++) {
            out.add("warning: " + f.warnings().get(i));
        }
        if (f.warnings().size() > shown) {
            out.add("  and " + (f.warnings().size() - shown) + " more warnings (grads lists them)");
        }
        return out;
    }

    private static String figure(double[] series, int spark, boolean log, boolean percent) {
        double now = series.length == 0 ? Double.NaN : series[series.length - 1];
        String value = Double.isNaN(now) ? "-" : percent ? Numbers.percent(now) : Numbers.brief(now);
        return spark == 0 ? pad(value, 8) : pad(value, 8) + " " + pad(Sparkline.of(series, spark, log), spark);
    }

    /** A strip of first-layer units' incoming weights, as many as fit in one row. */
    static List<String> units(Frame f, int cols, int maxRows) {
        List<List<String>> pictures = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        int room = Integer.MAX_VALUE;
        for (int k = 0; k < f.units().size() && pictures.size() < room; k++) {
            List<String> p = WeightImage.fitted(f.units().get(k), f.unitRows(), f.unitCols(), maxRows);
            room = Thumbnails.perRow(cols, p.get(0).length());
            pictures.add(p);
            captions.add((f.filters() ? "filter " : "unit ") + k);
        }
        List<String> out = new ArrayList<>();
        out.add(f.filters()
                ? String.format("first-layer filters %d of %d: %dx%d weights (+ positive, - negative)",
                        pictures.size(), f.units().size(), f.unitRows(), f.unitCols())
                : String.format("first-layer units %d of %d: incoming weights (+ positive, - negative)",
                        pictures.size(), f.units().size()));
        out.addAll(strip(pictures, captions));
        return out;
    }

    /** The watched held-out images (wrong at the start), each with what the network says now. */
    static List<String> digits(Frame f, int cols, int maxRows) {
        List<List<String>> pictures = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        int room = Integer.MAX_VALUE;
        int right = 0;
        for (int k = 0; k < f.digits().size() && pictures.size() < room; k++) {
            Digit d = f.digits().get(k);
            List<String> p = digit(d.grey(), f.pictureRows(), f.pictureCols(), maxRows);
            room = Thumbnails.perRow(cols, p.get(0).length());
            pictures.add(p);
            captions.add(d.label() + (d.predicted() == d.label() ? " ok " : " as " + d.predicted() + " ")
                    + Math.round(100 * d.confidence()) + "%");
            right += d.predicted() == d.label() ? 1 : 0;
        }
        List<String> out = new ArrayList<>();
        out.add(String.format("%s images wrong at the start: %d of %d right now (label, prediction, confidence)",
                f.heldOut(), right, pictures.size()));
        out.addAll(strip(pictures, captions));
        return out;
    }

    private static List<String> digit(int[] grey, int rows, int cols, int maxRows) {
        while (rows > maxRows && rows > 1) {
            grey = AsciiDigit.halve(grey, rows, cols);
            rows = (rows + 1) / 2;
            cols = (cols + 1) / 2;
        }
        return AsciiDigit.lines(grey, rows, cols);
    }

    /** One row of pictures with their captions; the grid's blank line after it dropped. */
    private static List<String> strip(List<List<String>> pictures, List<String> captions) {
        if (pictures.isEmpty()) {
            return List.of();
        }
        List<String> grid = Thumbnails.grid(pictures, captions, pictures.size());
        return grid.subList(0, grid.size() - 1);
    }

    static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    static String cut(String s, int width) {
        return s.length() <= width ? s : s.substring(0, Math.max(0, width));
    }
}
