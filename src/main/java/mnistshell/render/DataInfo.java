package mnistshell.render;

import mnistshell.data.Dataset;
import mnistshell.data.Split;
import mnistshell.data.UnlabelledSet;

/**
 * The text of {@code data info} and the lines {@code data} and {@code load} print after changing
 * the data or its split. {@code testGiven}: the test set came with the data (t10k), not from a shuffle.
 */
public final class DataInfo {

    private DataInfo() {
    }

    public static String describe(Dataset data, Split split, boolean testGiven, UnlabelledSet u) {
        StringBuilder s = new StringBuilder();
        s.append(Wrap.line("source: " + SafeText.escape(data.source()), Wrap.COLUMNS, 2)).append('\n');
        s.append(String.format("images: %d labelled, %dx%d%n", data.size(), data.rows(), data.cols()));
        s.append("classes:");
        int[] counts = data.classCounts();
        for (int c = 0; c < counts.length; c++) {
            s.append(' ').append(c).append(':').append(counts[c]);
        }
        s.append('\n');
        s.append(splitLine(split, testGiven)).append('\n');
        s.append(scalingLine(data)).append('\n');
        s.append(Wrap.line(u == null ? "unlabelled: none (load a CSV without labels for show unlabelled:N and predict --out)"
                : String.format("unlabelled: %d images from %s, for show unlabelled:N and predict --out", u.size(),
                        SafeText.escape(u.source())), Wrap.COLUMNS, 2)).append('\n');
        s.append(memoryLine(data, u)).append('\n');
        return s.toString();
    }

    public static String splitLine(Split split, boolean testGiven) {
        int train = split.train().length;
        int test = split.test().length;
        int val = split.val().length;
        String sets = val == 0 ? String.format("%d train / %d test", train, test)
                : String.format("%d train / %d val / %d test", train, val, test);
        return testGiven
                ? String.format("split: %s (the test set came with the data)", sets)
                : String.format("split: %s (seeded shuffle, seed %d)", sets, split.seed());
    }

    public static String scalingLine(Dataset data) {
        return data.normalized() ? "scaling: pixels scaled to [0, 1] (normalize on)"
                : "scaling: raw pixels 0-255 (normalize off, the seed notebook's first mistake)";
    }

    /** Bytes held for images and labels (one byte each), and the Java heap in use, in MB of 10^6 bytes. */
    private static String memoryLine(Dataset data, UnlabelledSet u) {
        long bytes = data.pixels().length + data.labels().length + (u == null ? 0 : u.pixels().length);
        Runtime rt = Runtime.getRuntime();
        return String.format("memory: %.1f MB of pixels and labels (one byte each); Java heap in use %.0f MB",
                bytes / 1e6, (rt.totalMemory() - rt.freeMemory()) / 1e6);
    }
}
