package mnistshell.render;

/** Numbers as a terminal line should show them. */
public final class Numbers {

    private Numbers() {
    }

    /** Four decimals for everyday values, scientific notation for huge or tiny ones (a blowing-up loss). */
    public static String compact(double v) {
        if (v == 0 || !Double.isFinite(v) || (Math.abs(v) >= 1e-3 && Math.abs(v) < 1e5)) {
            return String.format("%.4f", v);
        }
        return String.format("%.3e", v);
    }
}
