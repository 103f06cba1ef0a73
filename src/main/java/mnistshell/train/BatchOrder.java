package mnistshell.train;

import java.util.Arrays;
import java.util.Random;

/**
 * Which training images each update uses. Full batch: all of them, in split order, each update an
 * epoch. Mini-batch: consecutive slices of a permutation of the training images, a new permutation
 * each epoch, the last slice of an epoch shorter when the size does not divide the set.
 *
 * <p>The permutation of epoch e is drawn from a generator seeded by (seed, e) alone, so the order is
 * the same in every run and resumes exactly from just (epoch, position).
 */
public final class BatchOrder {

    private final long seed;
    private int epoch;
    private int position;
    private int[] train;
    private int[] permutation;

    public BatchOrder(long seed) {
        this.seed = seed;
    }

    /** Resumes at {@code position} within epoch {@code epoch}. */
    public BatchOrder(long seed, int epoch, int position) {
        this.seed = seed;
        this.epoch = epoch;
        this.position = position;
    }

    /**
     * The images of the next update among {@code train}: all of them when {@code size} is 0, else the
     * next {@code size} of this epoch's permutation. Advances the position and, at the end of the
     * set, the epoch.
     */
    public int[] next(int[] train, int size) {
        if (this.train != train) {
            this.train = train;
            this.permutation = null;
            position = Math.min(position, train.length);
        }
        if (size == 0) {
            position = 0;
            epoch++;
            return train;
        }
        if (permutation == null) {
            permutation = permutation(train, seed, epoch);
        }
        int to = Math.min(train.length, position + size);
        int[] batch = Arrays.copyOfRange(permutation, position, to);
        position = to;
        if (position == train.length) {
            position = 0;
            epoch++;
            permutation = null;
        }
        return batch;
    }

    /** Fisher-Yates over a copy of {@code train}, seeded by the run's seed and the epoch number. */
    static int[] permutation(int[] train, long seed, int epoch) {
        int[] p = train.clone();
        Random random = new Random(seed * 0x9E3779B97F4A7C15L + epoch);
        for (int i = p.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** Where the order stands, to go back to if an update has to be undone. */
    public record Mark(int epoch, int position) {
    }

    public Mark mark() {
        return new Mark(epoch, position);
    }

    /** Goes back to {@code mark}, taken earlier in the same epoch or the one before. */
    public void reset(Mark mark) {
        if (mark.epoch() != epoch) {
            permutation = null;
        }
        epoch = mark.epoch();
        position = mark.position();
    }

    /** Completed passes over the training set. */
    public int epoch() {
        return epoch;
    }

    /** Images of the current epoch already used. */
    public int position() {
        return position;
    }

    public long seed() {
        return seed;
    }
}
