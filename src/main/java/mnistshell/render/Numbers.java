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

    /**
     * At most eight characters, for tables that must fit 80 columns: three significant digits in
     * fixed point between 1e-3 and 1e4 ({@code 0.00123}, {@code -0.346}, {@code 12.3}, {@code 1234}),
     * else two in scientific notation with a bare exponent ({@code 1.5e-5}, {@code -5.3e-18}); 0 is {@code 0}.
     */
    public static String brief(double v) {
        if (v == 0) {
            return "0";
        }
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e4) {
            int decimals = Math.max(0, 2 - (int) Math.floor(Math.log10(a)));
            return String.format("%." + decimals + "f", v);
        }
        String[] parts = String.format("%.1e", v).split("e");
        return parts[0] + "e" + Integer.parseInt(parts[1]);
    }

    /**
     * A ratio in scientific notation, two significant digits with a bare exponent ({@code 1.8e-2},
     * {@code 2.5e-3}, {@code 1.2e0}), so ratios of any size read alike; 0 is {@code 0}.
     */
    public static String ratio(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return v == 0 ? "0" : Double.toString(v);
        }
        String[] parts = String.format("%.1e", v).split("e");
        return parts[0] + "e" + Integer.parseInt(parts[1]);
    }

    /** "12.3%" of a share 0..1. */
    public static String percent(double share) {
        return String.format("%.1f%%", 100 * share);
    }
}
