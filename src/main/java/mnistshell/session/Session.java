package mnistshell.session;

import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import mnistshell.data.Dataset;
import mnistshell.data.EmbeddedSample;
import mnistshell.data.Split;
import mnistshell.data.UnlabelledSet;
import mnistshell.memory.Heap;
import mnistshell.nn.Activation;
import mnistshell.nn.Evaluation;
import mnistshell.nn.Init;
import mnistshell.nn.Network;
import mnistshell.nn.ReferenceEngine;
import mnistshell.errors.ShellError;
import mnistshell.train.Settings;
import mnistshell.train.Training;

/**
 * Everything the shell's commands work on: the loaded data, how it is split, the network, and its
 * {@link Training} (settings, optimizer state, counters, history). Commands read and change it;
 * nothing else holds state.
 */
public final class Session {

    public static final long DEFAULT_SEED = 2;
    public static final int DEFAULT_TEST_IMAGES = 1000;
    public static final int[] SEED_ARCHITECTURE = {784, 10, 10};

    private Dataset data;
    private Split split;
    private Network network;
    private Init initialisation;
    private long initSeed;
    private Training training;
    /** Whether the test images came with the data (MNIST's t10k) rather than from a seeded shuffle. */
    private boolean testGiven;
    /** Images without labels (Kaggle's test.csv), held beside the training data for prediction; or null. */
    private UnlabelledSet unlabelled;
    private DrawnImages drawn;

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

    /** The seed's network (inputs sized to the data) with fresh He weights from {@code seed}. */
    public void init(long seed) {
        int[] sizes = SEED_ARCHITECTURE.clone();
        sizes[0] = data.features();
        init(sizes, Activation.LeakyRelu.SEED, Init.HE, seed);
    }

    /**
     * A fresh network of layer sizes {@code sizes}, update count 0, empty history; the settings
     * are kept. The input size must match the data and the output the ten classes.
     */
    public void init(int[] sizes, Activation hidden, Init init, long seed) {
        if (sizes[0] != data.features()) {
            throw new ShellError("input size " + sizes[0] + " does not match the data's "
                    + data.features() + " pixels an image");
        }
        if (sizes[sizes.length - 1] != Dataset.CLASSES) {
            throw new ShellError("the output layer must have " + Dataset.CLASSES + " units, one per digit, not "
                    + sizes[sizes.length - 1]);
        }
        Settings settings = training == null ? Settings.defaults() : training.settings();
        String shortfall = Heap.shortfall(Training.bytesNeeded(sizes, settings, split.train().length),
                "to train on " + split.train().length + " images");
        if (shortfall != null) {
            throw new ShellError("init: " + String.join("-", Arrays.stream(sizes).mapToObj(Integer::toString).toList())
                    + " " + shortfall + "; nothing changed");
        }
        Network created = Network.create(sizes, hidden, init, seed); // built whole before the old one goes
        Training fresh = new Training(created, settings, seed);
        if (training != null) {
            training.close();
        }
        network = created;
        initialisation = init;
        initSeed = seed;
        training = fresh;
    }

    /**
     * Takes the network and training of a loaded session; the data and split stay. Everything is
     * checked before this is called, so it cannot fail half-way.
     */
    public void restore(Network restoredNetwork, Init init, long seed, Training restoredTraining) {
        if (training != null) {
            training.close();
        }
        network = restoredNetwork;
        initialisation = init;
        initSeed = seed;
        training = restoredTraining;
    }

    /** A name for saving this session: "784-10-10-gd-u3000". */
    public String defaultName() {
        return network.architecture() + "-" + training.settings().optimizer() + "-u" + training.updates();
    }

    /** Changes a training setting from the next update on. */
    public void set(String key, List<String> words) {
        training.set(key, words);
    }

    /**
     * Refuses, before anything is done, a run of {@code planned} more updates that would take the
     * update count past the largest it can hold.
     */
    public void checkRoomFor(long planned) {
        if (planned > Integer.MAX_VALUE - (long) iteration()) {
            throw new ShellError(planned + " more updates would take the update count past " + Integer.MAX_VALUE
                    + " (it is " + iteration() + "); init starts again from 0");
        }
    }

    /** Makes up to {@code updates} updates, stopping early when {@code cancelled} says so. */
    public StepReport step(int updates, BooleanSupplier cancelled, IntConsumer progress) {
        return step(updates, cancelled, progress, line -> { });
    }

    /** As {@link #step(int, BooleanSupplier, IntConsumer)}; {@code report} hears {@code set report-every} lines. */
    public StepReport step(int updates, BooleanSupplier cancelled, IntConsumer progress, Consumer<String> report) {
        long start = System.nanoTime();
        return summarise(training.runUpdates(updates, data, split, cancelled, progress, report), start);
    }

    /** Makes updates until {@code epochs} more passes over the training set are complete. */
    public StepReport epochs(int epochs, BooleanSupplier cancelled, IntConsumer progress, Consumer<String> report) {
        long start = System.nanoTime();
        return summarise(training.runEpochs(epochs, data, split, cancelled, progress, report), start);
    }

    /** Updates that {@code epochs} more epochs take, for a progress bar. */
    public long updatesForEpochs(int epochs) {
        return training.updatesForEpochs(epochs, split.train().length);
    }

    private StepReport summarise(Training.Outcome outcome, long start) {
        double seconds = (System.nanoTime() - start) / 1e9;
        Evaluation train = outcome.train();
        if (train == null) { // out of memory: nothing measured, the failure says why
            return new StepReport(outcome.updates(), training.updates(), training.epoch(), Double.NaN, Double.NaN,
                    Double.NaN, seconds, outcome.interrupted(), outcome.failure());
        }
        // no test images: no test accuracy (NaN), rather than 0 right of 0 shown as 0.00%
        double test = split.test().length == 0 ? Double.NaN : evaluateTest().accuracy();
        return new StepReport(outcome.updates(), training.updates(), training.epoch(), train.loss(), train.accuracy(),
                test, seconds, outcome.interrupted(), outcome.failure());
    }

    /**
     * The test images, refused in one line when there are none: {@code use} says what they were
     * wanted for ("errors", "the test accuracy"), so the user learns what is missing and how to
     * get it, instead of an accuracy of 0 images.
     */
    public int[] testImages(String use) {
        if (split.test().length == 0) {
            throw new ShellError(use + ": no test images (data split --test N holds some out)");
        }
        return split.test();
    }

    /** The training images, at least {@code needed} of them, refused in one line when there are fewer. */
    public int[] trainImages(String use, int needed) {
        int have = split.train().length;
        if (have < needed) {
            String count = have == 0 ? "there are no training images"
                    : have == 1 ? "there is only 1 training image" : "there are only " + have + " training images";
            throw new ShellError(use + ": " + count + (testGiven || split.test().length == 0 ? "" : " (data split --test N)"));
        }
        return split.train();
    }

    public Evaluation evaluateTrain() {
        return training.evaluate(data, split.train());
    }

    public Evaluation evaluateTest() {
        return training.evaluate(data, split.test());
    }

    /** Class probabilities of image {@code index} of the loaded data. */
    public double[] probabilities(int index) {
        return ReferenceEngine.probabilities(network, data, index);
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

    public Training training() {
        return training;
    }

    /** Updates made since the last {@code init}. */
    public int iteration() {
        return training.updates();
    }

    public long initSeed() {
        return initSeed;
    }

    public Init initialisation() {
        return initialisation;
    }

    /** "784-10-10, leaky-relu(0.01), he, seed 2". */
    public String describeNetwork() {
        return network.architecture() + ", " + network.hidden() + ", " + initialisation + " init, seed " + initSeed;
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
        Dataset seen = newData.withNormalized(data.normalized()); // everything made before anything changes
        Split newSplit = given != null ? given : defaultSplit(seen.size(), DEFAULT_SEED);
        if (!keep) {
            int[] sizes = SEED_ARCHITECTURE.clone();
            sizes[0] = seen.features();
            Dataset oldData = data;
            Split oldSplit = split;
            data = seen;
            split = newSplit;
            try {
                init(sizes, Activation.LeakyRelu.SEED, Init.HE, initSeed);
            } catch (ShellError | OutOfMemoryError e) {
                data = oldData;
                split = oldSplit;
                throw e;
            }
        }
        data = seen;
        split = newSplit;
        testGiven = given != null;
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
        return training.evaluate(unlabelled.forPrediction(data.normalized()), all).predictions();
    }

    /** Images drawn on the pad and kept; never trained on. */
    public DrawnImages drawn() {
        if (drawn == null) {
            drawn = new DrawnImages(data.features());
        }
        return drawn;
    }

    /** Class probabilities of an image given as stored pixels ({@code data().features()} bytes, 0..255). */
    public double[] probabilities(byte[] pixels) {
        // A one-image dataset seen as the loaded data is (normalised or raw); its label is never read.
        Dataset one = new Dataset("drawn", data.rows(), data.cols(), pixels.clone(), new byte[1], data.normalized());
        return ReferenceEngine.probabilities(network, one, 0);
    }
}
