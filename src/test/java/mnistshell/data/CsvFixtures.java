package mnistshell.data;

import java.nio.charset.StandardCharsets;

/** Writes MNIST as CSV text straight from the format's description, for tests. */
public final class CsvFixtures {

    public static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private CsvFixtures() {
    }

    /**
     * The first {@code count} images of {@code data} as Kaggle writes them: an optional header
     * ({@code label,pixel0,...}), then one line per image, with or without the label column.
     */
    public static String csv(Dataset data, int count, boolean header, boolean labelled, String newline) {
        StringBuilder s = new StringBuilder();
        if (header) {
            s.append(labelled ? "label," : "");
            for (int p = 0; p < data.features(); p++) {
                s.append(p == 0 ? "" : ",").append("pixel").append(p);
            }
            s.append(newline);
        }
        for (int i = 0; i < count; i++) {
            if (labelled) {
                s.append(data.label(i)).append(',');
            }
            for (int p = 0; p < data.features(); p++) {
                s.append(p == 0 ? "" : ",").append(data.rawPixel(i, p));
            }
            s.append(newline);
        }
        return s.toString();
    }

    public static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] withBom(byte[] body) {
        byte[] all = new byte[BOM.length + body.length];
        System.arraycopy(BOM, 0, all, 0, BOM.length);
        System.arraycopy(body, 0, all, BOM.length, body.length);
        return all;
    }

    /** A 784-field pixel line (all zeros but {@code value} at pixel {@code at}), for hand-made files. */
    public static String pixels(int at, String value) {
        StringBuilder s = new StringBuilder();
        for (int p = 0; p < 784; p++) {
            s.append(p == 0 ? "" : ",").append(p == at ? value : "0");
        }
        return s.toString();
    }
}
