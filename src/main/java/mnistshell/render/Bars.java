package mnistshell.render;

/**
 * Shares 0..1 as horizontal bars of Unicode blocks, one line each: a label, the bar in eighths of a
 * character ({@code ▏▎▍▌▋▊▉█}) padded to its full width, and the share as a percentage.
 */
public final class Bars {

    static final String EIGHTHS = " ▏▎▍▌▋▊▉";
    static final char FULL = '█';

    private Bars() {
    }

    /**
     * One line per value: {@code labels[i]}, a bar {@code width} characters long at 100%, and the
     * percentage with one decimal. {@code marks[i]}, if not blank, is written after the percentage.
     */
    public static String render(String[] labels, double[] values, String[] marks, int width) {
        int labelWidth = 0;
        for (String l : labels) {
            labelWidth = Math.max(labelWidth, l.length());
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            String line = String.format("%-" + labelWidth + "s %s %5.1f%% %s", labels[i], bar(values[i], width),
                    100 * values[i], marks[i]);
            out.append(line.stripTrailing()).append('\n');
        }
        return out.toString();
    }

    /** A bar for {@code share} of {@code width} characters, rounded to the nearest eighth, padded with spaces. */
    public static String bar(double share, int width) {
        double clamped = Double.isFinite(share) ? Math.max(0, Math.min(1, share)) : 0;
        long eighths = Math.round(clamped * width * 8);
        StringBuilder s = new StringBuilder();
        s.append(String.valueOf(FULL).repeat((int) (eighths / 8)));
        if (eighths % 8 != 0) {
            s.append(EIGHTHS.charAt((int) (eighths % 8)));
        }
        return s + " ".repeat(width - s.length());
    }
}
