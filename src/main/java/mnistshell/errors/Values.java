package mnistshell.errors;

import java.util.regex.Pattern;

/**
 * The one place typed text becomes a number: every argument of every command and every value of
 * {@code set} goes through here, so each is checked once, against its range, and each refusal is
 * one line naming the argument, the range and what was found, e.g.
 * {@code batch must be an integer from 1 to 2147483647, found '2147483648'}.
 */
public final class Values {

    /** Decimal numbers only: no NaN, no Infinity, no hexadecimal, no Java's {@code d} or {@code f} suffix. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    /** Digits grouped in threes by {@code ,} or {@code _}: 1,000 and 1_000, never 1,0. */
    private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}([,_]\\d{3})+");
    /** A count in scientific notation, 1e3 or 2.5e4: taken when it is a whole number. */
    private static final Pattern SCIENTIFIC = Pattern.compile("[+-]?\\d+(\\.\\d+)?[eE]\\+?\\d{1,2}");
    /** Beyond this many characters a refused word is cut short in the message, which must stay one short line. */
    private static final int SHOWN = 24;

    private Values() {
    }

    /**
     * {@code text} as an integer in [min, max]. One rule for every count: plain digits, digits
     * grouped in threes by {@code _} or {@code ,} (1_000, 1,000), or a whole number in scientific
     * notation (1e3).
     */
    public static long longIn(String what, String text, long min, long max) {
        String digits = GROUPED.matcher(text).matches() ? text.replace("_", "").replace(",", "") : text;
        if (SCIENTIFIC.matcher(text).matches()) {
            try {
                digits = new java.math.BigDecimal(text).toBigIntegerExact().toString();
            } catch (ArithmeticException e) {
                // 2.5e0 is no whole number: refused below with the range
            }
        }
        if (INTEGER.matcher(digits).matches()) {
            try {
                long n = Long.parseLong(digits);
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // beyond a long: refused below with the range
            }
        }
        String range = min == Long.MIN_VALUE && max == Long.MAX_VALUE ? "a 64-bit integer"
                : "an integer from " + min + " to " + max;
        throw new ShellError(what + " must be " + range + ", found " + shown(text));
    }

    /** {@code text} as an int in [min, max]. */
    public static int intIn(String what, String text, int min, int max) {
        return (int) longIn(what, text, min, max);
    }

    /** {@code text} as a finite decimal number in {@code range}. */
    public static double number(String what, String text, Range range) {
        if (DECIMAL.matcher(text).matches()) {
            double d = Double.parseDouble(text);
            if (Double.isFinite(d) && range.contains(d)) {
                return d;
            }
        }
        throw new ShellError(what + " must be a number " + range + ", found " + shown(text));
    }

    /** {@code 'text'} quoted for a message, cut short when long (the error reporter escapes it). */
    public static String shown(String text) {
        String cut = text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "...";
        return "'" + cut + "'";
    }

    /** An interval of numbers, each end open or closed, that describes itself as a message says it. */
    public record Range(double low, boolean lowIncluded, double high, boolean highIncluded) {

        public static Range above(double low) {
            return new Range(low, false, Double.POSITIVE_INFINITY, false);
        }

        public static Range atLeast(double low) {
            return new Range(low, true, Double.POSITIVE_INFINITY, false);
        }

        /** [low, high). */
        public static Range fromUpTo(double low, double high) {
            return new Range(low, true, high, false);
        }

        /** (low, high]. */
        public static Range aboveUpTo(double low, double high) {
            return new Range(low, false, high, true);
        }

        /** Every finite number. */
        public static Range any() {
            return new Range(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false);
        }

        public boolean contains(double d) {
            return (lowIncluded ? d >= low : d > low) && (highIncluded ? d <= high : d < high);
        }

        @Override
        public String toString() {
            if (Double.isInfinite(high)) {
                return Double.isInfinite(low) ? "(any finite one)" : (lowIncluded ? "of at least " : "greater than ")
                        + plain(low);
            }
            return "in " + (lowIncluded ? "[" : "(") + plain(low) + ", " + plain(high) + (highIncluded ? "]" : ")");
        }

        private static String plain(double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
        }
    }
}
