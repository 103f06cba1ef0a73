package mnistshell.session;

import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import mnistshell.data.Dataset;
import mnistshell.data.EmbeddedSample;
import mnistshell.data.Split;
import mnistshell.data.UnlabelledSet;
import mnistshell.nn.Activation;
import mnistshell.nn.Evaluation;
import mnistshell.nn.FastKernel;
import mnistshell.nn.Network;
import mnistshell.nn.Trainer;

/**
 * Everything the shell's commands work on: the loaded data, how it is split, the network, and how
 * far training has gone. Commands read and change it; nothing else holds state.
 *
 * <p>Training and evaluation run on the {@link FastKernel}, which tests hold equal to the la4j
 * reference ({@link Trainer}).
 */
public final class Session {

    public static final long DEFAULT_SEED = 2;
    public static final int DEFAULT_TEST_IMAGES = 1000;
    public static final int[] SEED_ARCHITECTURE = {784, 10, 10};
    public static final double SEED_LEARNING_RATE = 0.10;

    private Dataset data;
    private Split split;
    private Network network;
    private long initSeed;
    private int iteration;
    private final double learningRate = SEED_LEARNING_RATE;
    private final FastKernel kernel = new FastKernel(Runtime.getRuntime().availableProcessors());
    /** Whether the test images came with the data (MNIST's t10k) rather than from a seeded shuffle. */
    private boolean testGiven;
    /** Images without labels (Kaggle's test.csv), held beside the training data for prediction; or null. */
    private UnlabelledSet unlabelled;

    public Session(Dataset data, Split split, long initSeed) {
        this.data = data;
        this.split = split;
        init(initSeed);
    }

    /** The shell at start: the embedded sample, 1,000 test images held out, the seed's network. */
    public static Session withEmbeddedSample() {
        Dataset sample = EmbeddedSample.load();
        return new Session(sample, Split.shuffled(sample.size(), DEFAULT_TEST_IMAGES, DEFAULT_SEED), DEFAULT_SEED);
    }

    /** Fresh weights for the seed's architecture (inputs sized to the data), He-initialised from {@code seed}. */
    public void init(long seed) {
        int[] sizes = SEED_ARCHITECTURE.clone();
        sizes[0] = data.features();
        network = Network.he(sizes, Activation.LeakyRelu.SEED, seed);
        initSeed = seed;
        iteration = 0;
    }

    /**
     * Makes up to {@code updates} full-batch gradient-descent updates, stopping early (between
     * updates, so the weights stay consistent) when {@code cancelled} says so. {@code progress}
     * hears the update count after each update.
     */
    public StepReport step(int updates, BooleanSupplier cancelled, IntConsumer progress) {
        long start = System.nanoTime();
        int done = 0;
        while (done < updates && !cancelled.getAsBoolean()) {
            network.descend(kernel.gradients(network, data, split.train()), learningRate);
            done++;
            iteration++;
            progress.accept(iteration);
        }
        Evaluation train = evaluateTrain();
        Evaluation test = evaluateTest();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new StepReport(done, iteration, train.loss(), train.accuracy(), test.accuracy(), seconds,
                done < updates);
    }

    public Evaluation evaluateTrain() {
        return kernel.evaluate(network, data, split.train());
    }

    public Evaluation evaluateTest() {
        return kernel.evaluate(network, data, split.test());
    }

    /** Class probabilities of image {@code index} of the loaded data. */
    public double[] probabilities(int index) {
        return Trainer.probabilities(network, data, index);
    }

    public Dataset data() {
        return data;
    }

    public Split split() {
        return split;
    }

    public Network network() {
        return network;
    }

    public int iteration() {
        return iteration;
    }

    public long initSeed() {
        return initSeed;
    }

    public double learningRate() {
        return learningRate;
    }

    // ---- loading data (issue 3) ----

    /**
     * Replaces the data with {@code newData}, seen with the current scaling, split as {@code given}
     * when a test set came with it, else by {@link #defaultSplit}. The network is kept when its input
     * size matches; otherwise the seed's network is built afresh for the new size with the current
     * init seed. Returns whether the network was kept.
     */
    public boolean replaceData(Dataset newData, Split given) {
        boolean keep = network.inputs() == newData.features();
        data = newData.withNormalized(data.normalized());
        split = given != null ? given : defaultSplit(data.size(), DEFAULT_SEED);
        testGiven = given != null;
        if (!keep) {
            init(initSeed);
        }
        return keep;
    }

    /** The seed's hold-out: 1,000 test images by a seeded shuffle, or a tenth of a set smaller than 10,000. */
    public static Split defaultSplit(int size, long seed) {
        return Split.shuffled(size, Math.min(DEFAULT_TEST_IMAGES, size / 10), seed);
    }

    /** A new seeded shuffle holding out {@code testCount} images; the network is kept. */
    public void resplit(int testCount, long seed) {
        if (testGiven) {
            throw new IllegalStateException("the test set came with the data");
        }
        split = Split.shuffled(data.size(), testCount, seed);
    }

    /** Whether the test set came with the data (and so is kept by {@code data split}). */
    public boolean testGiven() {
        return testGiven;
    }

    /** Feeds the network pixels scaled to [0, 1] ({@code true}) or raw 0..255. */
    public void setNormalized(boolean on) {
        data = data.withNormalized(on);
    }

    /** Holds {@code set} for prediction; the training data stays as it is. */
    public void setUnlabelled(UnlabelledSet set) {
        unlabelled = set;
    }

    public UnlabelledSet unlabelled() {
        return unlabelled;
    }

    /** The network's most probable class for each unlabelled image, in file order. */
    public int[] predictUnlabelled() {
        int[] all = java.util.stream.IntStream.range(0, unlabelled.size()).toArray();
        return kernel.evaluate(network, unlabelled.forPrediction(data.normalized()), all).predictions();
    }
}
