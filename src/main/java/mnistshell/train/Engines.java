package mnistshell.train;

import mnistshell.nn.Engine;
import mnistshell.nn.FastKernel;
import mnistshell.nn.ReferenceEngine;

/**
 * The engine {@code set engine} chooses for one training: the la4j reference, or the fast kernel
 * with or without its native sums. The kernel is made when first wanted and let go (its threads
 * with it) by {@link #close}; the next use makes another.
 */
final class Engines implements AutoCloseable {

    private final ReferenceEngine reference = new ReferenceEngine();
    private FastKernel fast;

    /** The engine for {@code settings}; a kernel of another thread count or kind of sums is replaced. */
    Engine of(Settings settings) {
        if (settings.engine().equals("reference")) {
            return reference;
        }
        boolean nativeSums = settings.engine().equals("fast");
        if (fast != null && (fast.nativeAsked() != nativeSums || fast.threads() != settings.threads())) {
            close();
        }
        if (fast == null) {
            fast = new FastKernel(settings.threads(), nativeSums);
        }
        return fast;
    }

    @Override
    public void close() {
        if (fast != null) {
            fast.close();
            fast = null;
        }
    }
}
