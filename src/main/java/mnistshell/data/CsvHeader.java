package mnistshell.data;

import mnistshell.errors.ShellError;

/**
 * Line 1 of a CSV of images: a header ({@code label,pixel0,...} as in Kaggle's train.csv, or
 * {@code pixel0,...} as in its test.csv) or already a line of integers, whose field count then says
 * whether there is a label column.
 */
final class CsvHeader {

    private CsvHeader() {
    }

    /** A header starts with a letter (or a quoted name); a line of pixels with a digit. */
    static boolean isHeader(String firstLine) {
        return !firstLine.isEmpty() && (Character.isLetter(firstLine.charAt(0)) || firstLine.charAt(0) == '"');
    }

    /** Checks a header and says whether it has a label column: {@code label,pixel0,...} or {@code pixel0,...}. */
    static boolean hasLabels(String name, String header, int features) {
        String[] names = header.split(",", -1);
        boolean labelled = unquote(names[0]).equals("label");
        int pixels = names.length - (labelled ? 1 : 0);
        boolean ok = pixels == features;
        for (int p = 0; ok && p < features; p++) {
            ok = unquote(names[p + (labelled ? 1 : 0)]).equals("pixel" + p);
        }
        if (!ok) {
            throw new ShellError(name + ": line 1: header '" + abbreviate(header) + "' is not [label,]pixel0..pixel"
                    + (features - 1));
        }
        return labelled;
    }

    /** Without a header, the field count of line 1 says whether there is a label column. */
    static boolean fieldsHaveLabels(String name, String firstLine, int features) {
        long fields = firstLine.chars().filter(c -> c == ',').count() + 1;
        if (fields == features + 1 || fields == features) {
            return fields == features + 1;
        }
        throw new ShellError(name + ": line 1: expected " + (features + 1) + " fields (label, pixel0..pixel"
                + (features - 1) + ") or " + features + " (pixels only), found " + fields);
    }

    private static String unquote(String s) {
        String t = s.strip();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }

    /** The start of {@code text} for a message, with bytes that are not printable ASCII escaped. */
    private static String abbreviate(String text) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < text.length() && s.length() < 24; i++) {
            CsvReader.append(s, (byte) text.charAt(i));
        }
        return s.length() < 24 ? s.toString() : s + "...";
    }
}
