package mnistshell.render;

import java.util.ArrayList;
import java.util.List;
import mnistshell.inspect.FeatureMaps;
import mnistshell.inspect.FeatureMaps.Stage;

/**
 * One image's feature maps, layer by layer, as text: the input, then each convolution's and
 * pooling's output channels as small pictures (a character the mean of a block of values, as
 * {@link WeightImage#small} draws them, in its characters), one shade scale per layer so that its
 * channels compare; the hidden dense layers as {@code predict --inside} shows them ({@link
 * InsideText}). Pure: from numbers to lines of at most the given columns.
 */
public final class FeatureMapText {

    /** A channel's picture is at most this many characters wide: 28 or 24 wide maps are halved. */
    static final int MAX_WIDTH = 16;
    static final int TOP = 3;

    private FeatureMapText() {
    }

    public static List<String> of(FeatureMaps maps, int columns) {
        List<String> out = new ArrayList<>();
        Stage input = new Stage(0, "input", "the image", maps.inChannels(), maps.inHeight(), maps.inWidth(),
                maps.input(), false, null, null);
        out.addAll(maps(input, columns));
        for (Stage stage : maps.stages()) {
            boolean last = stage.layer() == maps.stages().size();
            if (last) {
                out.add(String.format("layer %d: %d logits; predicted %d (%s)", stage.layer(), stage.values().length,
                        maps.predicted(), Numbers.percent(maps.probability())));
            } else if (stage.dense()) {
                out.addAll(dense(stage, maps.predicted()));
            } else if (stage.kind().startsWith("dropout")) {
                out.add(String.format("layer %d %s: %s, the identity outside training", stage.layer(), stage.token(),
                        stage.kind()));
            } else {
                out.addAll(maps(stage, columns));
            }
        }
        out.add("one scale per layer: " + WeightImage.POSITIVE.substring(1) + " positive, "
                + WeightImage.NEGATIVE.substring(1) + " negative; blank near 0");
        return out;
    }

    /** The header and every channel's picture of a map-shaped stage (the input, a conv or a pool). */
    static List<String> maps(Stage stage, int columns) {
        int step = step(stage.width());
        List<String> out = new ArrayList<>();
        String name = stage.layer() == 0 ? "input" : "layer " + stage.layer() + " " + stage.token();
        String kind = stage.activation() == null ? stage.kind() : stage.kind() + ", " + stage.activation();
        String shape = stage.channels() + "x" + stage.height() + "x" + stage.width();
        out.add(name + ": " + kind + ", " + (stage.layer() == 0 ? shape : "out " + shape));
        String block = String.format("a character the mean of %d rows x %d column%s", 2 * step, step,
                step == 1 ? "" : "s");
        out.add(String.format("  min %s, max %s; %s", Numbers.brief(stage.min()), Numbers.brief(stage.max()), block));
        double scale = WeightImage.maxAbs(stage.values());
        List<List<String>> pictures = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        for (int c = 0; c < stage.channels(); c++) {
            pictures.add(picture(stage.channel(c), stage.height(), stage.width(), step, scale));
            captions.add(Integer.toString(c));
        }
        out.addAll(stage.channels() == 1 ? withoutCaptions(pictures.get(0))
                : FilterPictures.grid(pictures, captions, columns));
        return out;
    }

    /** The smallest block width that brings a map {@code width} wide to at most {@link #MAX_WIDTH} characters. */
    static int step(int width) {
        return Math.max(1, (width + MAX_WIDTH - 1) / MAX_WIDTH);
    }

    /**
     * A (rows, cols) map as ceil(rows / 2 step) lines of ceil(cols / step) characters, each the
     * mean of its block of up to 2 step x step values (fewer at an edge), shaded against {@code scale}.
     */
    static List<String> picture(double[] v, int rows, int cols, int step, double scale) {
        int lines = (rows + 2 * step - 1) / (2 * step);
        int width = (cols + step - 1) / step;
        List<String> out = new ArrayList<>(lines);
        for (int r = 0; r < lines; r++) {
            StringBuilder line = new StringBuilder(width);
            for (int c = 0; c < width; c++) {
                double sum = 0;
                int n = 0;
                for (int y = 2 * step * r; y < Math.min(rows, 2 * step * (r + 1)); y++) {
                    for (int x = step * c; x < Math.min(cols, step * (c + 1)); x++) {
                        sum += v[y * cols + x];
                        n++;
                    }
                }
                line.append(WeightImage.shade(sum / n, scale));
            }
            out.add(line.toString());
        }
        return out;
    }

    /** A hidden dense layer as {@code predict --inside} shows one: its units' bars and the top units. */
    static List<String> dense(Stage stage, int predicted) {
        double[] contribution = stage.contribution() != null ? stage.contribution() : new double[stage.values().length];
        List<String> lines = InsideText.layer(stage.layer(), stage.activation(), stage.values(), contribution,
                top(contribution, TOP), predicted);
        return stage.contribution() != null ? lines : lines.subList(0, lines.size() - 1);
    }

    /** The {@code n} indices of the largest values, largest first (the lower index first on ties). */
    static int[] top(double[] values, int n) {
        return java.util.stream.IntStream.range(0, values.length).boxed()
                .sorted((a, b) -> Double.compare(values[b], values[a])).limit(n).mapToInt(Integer::intValue).toArray();
    }

    private static List<String> withoutCaptions(List<String> picture) {
        List<String> out = new ArrayList<>();
        for (String line : picture) {
            out.add(line.stripTrailing());
        }
        return out;
    }
}
