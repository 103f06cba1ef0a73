package mnistshell.nn;

/**
 * One worker's buffers for a chunk of up to {@link #capacity} samples, reused chunk after chunk:
 * every boundary's values and gradients (see {@link LayerStep} for their layout), what each step
 * keeps from its forward pass for its backward pass, and the chunk being run.
 */
final class LayerScratch {
    final int capacity;
    final Products products;
    /** a[l]: the chunk at boundary l (the input of layer l), (count, size of boundary l), flat. */
    final double[][] a;
    /** d[l]: each sample's own loss gradient with respect to a[l]. */
    final double[][] d;
    /** Per step (indexed by its {@code at}), what it keeps: pre-activations, patches, a regrouped input, ... */
    final double[][] z;
    final double[][] patches;
    final double[][] regrouped;
    final double[][] regroupedGradient;
    final double[][] factors;
    final int[][] chosen;
    /** One sample's dropout factors in the reference's unit order; one sample's class probabilities. */
    double[] units = new double[0];
    final double[] probabilities;

    /** The chunk: its first sample's place in the batch, its size, and the pass it belongs to. */
    int from;
    int count;
    boolean training;
    long seed;
    long update;
    int[] samples;

    LayerScratch(LayerStep[] steps, int classes, int capacity, boolean nativeProducts) {
        this.capacity = capacity;
        this.products = new Products(nativeProducts);
        int layers = steps.length;
        a = new double[layers + 1][];
        d = new double[layers + 1][];
        z = new double[layers][];
        patches = new double[layers][];
        regrouped = new double[layers][];
        regroupedGradient = new double[layers][];
        factors = new double[layers][];
        chosen = new int[layers][];
        for (LayerStep step : steps) {
            a[step.at] = new double[capacity * step.inSize];
            d[step.at] = new double[capacity * step.inSize];
            step.reserve(this, capacity);
        }
        a[layers] = new double[capacity * classes];
        d[layers] = new double[capacity * classes];
        probabilities = new double[classes];
    }
}
