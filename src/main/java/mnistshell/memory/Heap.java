package mnistshell.memory;

/**
 * What the Java heap can still hold, so that a command that would allocate more than that refuses
 * in one line instead of failing half-way with an {@link OutOfMemoryError}. Every estimate of the
 * shell is checked here, against the heap of this process: no fixed cap stands in for it.
 */
public final class Heap {

    private Heap() {
    }

    /** Bytes the heap can still give: its maximum less what is in use now. */
    public static long free() {
        Runtime r = Runtime.getRuntime();
        return r.maxMemory() - (r.totalMemory() - r.freeMemory());
    }

    /**
     * Null when {@code bytes} more fit in the heap, else "needs 1.2 GB to PURPOSE, the heap has
     * 300 MB free". Garbage counts as in use until collected, so a collection runs before a no.
     */
    public static String shortfall(long bytes, String purpose) {
        if (bytes <= free()) {
            return null;
        }
        System.gc();
        long free = free();
        return bytes <= free ? null : "needs " + size(bytes) + " " + purpose + ", the heap has " + size(free) + " free";
    }

    /** "812 KB", "3.4 MB", "56.3 GB": three significant figures at most. */
    public static String size(long bytes) {
        String[] units = {"bytes", "KB", "MB", "GB", "TB", "PB", "EB"};
        double v = Math.max(0, bytes);
        int u = 0;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? (long) v + " bytes" : (v < 10 ? String.format("%.1f", v) : String.format("%.0f", v)) + " " + units[u];
    }
}
