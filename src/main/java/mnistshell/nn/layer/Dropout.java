package mnistshell.nn.layer;

import java.util.List;
import org.la4j.Matrix;
import org.la4j.matrix.dense.Basic2DMatrix;

/**
 * Inverted dropout at rate p: in training each unit is kept with probability 1 - p and scaled by
 * 1 / (1 - p), so evaluation is the identity and needs no rescaling. The mask of a sample is drawn
 * unit by unit from a generator seeded by a mix of (the run's seed, the update, the sample's index
 * in the dataset, this layer's place in its stack): a pure function of those, so a batch cut into
 * any chunks on any threads, or resumed from a saved session, draws the same bits.
 */
public final class Dropout implements Layer {

    /** SplittableRandom's increment for a generator made from a seed alone. */
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private final Shape shape;
    private final double rate;
    private final int place;
    /** The last training forward's factors, 0 or 1 / (1 - p): (size, m); null after an evaluation. */
    private Matrix factors;

    /** Rate in [0, 1); {@code place} (its index in the stack) keeps two dropout layers' masks apart. */
    public Dropout(Shape shape, double rate, int place) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("the rate must be in [0, 1), found " + rate);
        }
        this.shape = shape;
        this.rate = rate;
        this.place = place;
    }

    @Override
    public Shape in() {
        return shape;
    }

    @Override
    public Shape out() {
        return shape;
    }

    @Override
    public List<Param> params() {
        return List.of();
    }

    public double rate() {
        return rate;
    }

    @Override
    public String token() {
        return "drop" + plain(rate);
    }

    @Override
    public String kind() {
        return "dropout " + plain(rate);
    }

    /** X: (n, m) → X ⊙ mask / (1 - p) in training, X itself in evaluation; (n, m). */
    @Override
    public Matrix forward(Matrix x, Pass pass) {
        if (!pass.training()) {
            factors = null;
            return x;
        }
        if (pass.samples() == null || pass.samples().length != x.columns()) {
            throw new IllegalArgumentException("dropout in training needs each column's sample index");
        }
        double[][] f = new double[shape.size()][x.columns()];
        double[] column = new double[shape.size()];
        for (int j = 0; j < x.columns(); j++) {
            factors(pass.seed(), pass.update(), pass.samples()[j], column, 0);
            for (int u = 0; u < f.length; u++) {
                f[u][j] = column[u];
            }
        }
        factors = Basic2DMatrix.from2DArray(f);
        return x.hadamardProduct(factors);
    }

    /** dOut: (n, m) → dOut ⊙ the forward's factors (the same mask), or dOut itself after an evaluation. */
    @Override
    public Matrix backward(Matrix dOut) {
        return factors == null ? dOut : dOut.hadamardProduct(factors);
    }

    /** The mask of one sample: whether unit u is kept (u from 0 to size - 1), as forward draws it. */
    public boolean[] mask(long seed, long update, int sample) {
        double[] f = new double[shape.size()];
        factors(seed, update, sample, f, 0);
        boolean[] keep = new boolean[f.length];
        for (int u = 0; u < keep.length; u++) {
            keep[u] = f[u] != 0;
        }
        return keep;
    }

    /**
     * Sample {@code sample}'s factors unit by unit, 0 or 1 / (1 - p), into {@code into} from
     * {@code at}: what {@link #forward} multiplies by, and what a fast path must call to draw the
     * same mask. The draws are those of a {@link java.util.SplittableRandom} seeded with the mix of (seed,
     * update, sample, place), made inline so that a fast path allocates nothing per sample
     * ({@code DropoutTest} holds them to SplittableRandom's own).
     */
    public void factors(long seed, long update, int sample, double[] into, int at) {
        double kept = 1 / (1 - rate);
        long state = key(seed, update, sample);
        for (int u = 0; u < shape.size(); u++) {
            state += GOLDEN_GAMMA;
            double draw = (mix(state) >>> 11) * 0x1.0p-53;
            into[at + u] = draw < rate ? 0 : kept;
        }
    }

    /** 0.25 as {@code 0.25}, 1e-5 as {@code 0.00001}: the token reads as it was typed. */
    private static String plain(double rate) {
        return java.math.BigDecimal.valueOf(rate).stripTrailingZeros().toPlainString();
    }

    /** The seed of the sample's generator: SplitMix64's finaliser over (seed, update, sample, place). */
    long key(long seed, long update, int sample) {
        long h = mix(seed);
        h = mix(h ^ update);
        h = mix(h ^ sample);
        return mix(h ^ place);
    }

    /** SplitMix64's finaliser (SplittableRandom's mix64): a bijection that spreads every input bit over the output. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
