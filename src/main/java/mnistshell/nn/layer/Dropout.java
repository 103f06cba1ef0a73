package mnistshell.nn.layer;

import java.util.List;
import java.util.SplittableRandom;
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
        double kept = 1 / (1 - rate);
        double[][] f = new double[shape.size()][x.columns()];
        for (int j = 0; j < x.columns(); j++) {
            SplittableRandom random = generator(pass.seed(), pass.update(), pass.samples()[j]);
            for (int u = 0; u < f.length; u++) {
                f[u][j] = random.nextDouble() < rate ? 0 : kept;
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
        SplittableRandom random = generator(seed, update, sample);
        boolean[] keep = new boolean[shape.size()];
        for (int u = 0; u < keep.length; u++) {
            keep[u] = !(random.nextDouble() < rate);
        }
        return keep;
    }

    /** 0.25 as {@code 0.25}, 1e-5 as {@code 0.00001}: the token reads as it was typed. */
    private static String plain(double rate) {
        return java.math.BigDecimal.valueOf(rate).stripTrailingZeros().toPlainString();
    }

    private SplittableRandom generator(long seed, long update, int sample) {
        long h = mix(seed);
        h = mix(h ^ update);
        h = mix(h ^ sample);
        return new SplittableRandom(mix(h ^ place));
    }

    /** SplitMix64's finaliser: a bijection that spreads every input bit over the output. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
