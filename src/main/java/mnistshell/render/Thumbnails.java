package mnistshell.render;

import java.util.ArrayList;
import java.util.List;

/** Small pictures laid out in a grid, each with a caption centred under it. */
public final class Thumbnails {

    public static final int GAP = 2;

    private Thumbnails() {
    }

    /** How many pictures {@code width} wide fit side by side in {@code columns} (at least one). */
    public static int perRow(int columns, int width) {
        return Math.max(1, (columns + GAP) / (width + GAP));
    }

    /**
     * Rows of {@code perRow} pictures; every picture has the same number of lines of the same width.
     * Each row of pictures is followed by a line of captions and a blank line.
     */
    public static List<String> grid(List<List<String>> pictures, List<String> captions, int perRow) {
        List<String> out = new ArrayList<>();
        for (int first = 0; first < pictures.size(); first += perRow) {
            int last = Math.min(pictures.size(), first + perRow);
            int height = pictures.get(first).size();
            for (int line = 0; line <= height; line++) {
                StringBuilder row = new StringBuilder();
                for (int i = first; i < last; i++) {
                    String cell = line < height ? pictures.get(i).get(line)
                            : centred(captions.get(i), pictures.get(i).get(0).length());
                    row.append(i > first ? " ".repeat(GAP) : "").append(cell);
                }
                out.add(row.toString().stripTrailing());
            }
            out.add("");
        }
        return out;
    }

    static String centred(String text, int width) {
        int left = Math.max(0, (width - text.length()) / 2);
        String padded = " ".repeat(left) + text;
        return padded + " ".repeat(Math.max(0, width - padded.length()));
    }
}
