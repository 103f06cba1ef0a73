package mnistshell.session;

import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import mnistshell.nn.layer.Sequential;
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
    /** Whether the test images came with the data (MNIST's t10k) rather than from a seeded shuffle. */
    private boolean testGiven;
    /** Images without labels (Kaggle's test.csv), held beside the training data for prediction; or null. */
    private UnlabelledSet unlabelled;
    private DrawnImages drawn;
    /** The named runs; every one works on the data and split above. Null only while the first is made. */
    private Runs runs;
    /** The warnings the last split, load or change of scaling gave, by run; empty when there were none. */
    private Map<String, String> lastWarnings = Map.of();

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
     * A fresh network of layer sizes {@code sizes} for the current run, update count 0, empty
     * history; the settings are kept. The input size must match the data and the output the ten classes.
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
        Settings settings = runs == null ? Settings.defaults() : training().settings();
        String shortfall = Heap.shortfall(Training.bytesNeeded(sizes, settings, split.train().length),
                "to train on " + split.train().length + " images");
        if (shortfall != null) {
            throw new ShellError("init: " + String.join("-", Arrays.stream(sizes).mapToObj(Integer::toString).toList())
                    + " " + shortfall + "; nothing changed");
        }
        Network created = Network.create(sizes, hidden, init, seed); // built whole before the old one goes
        replaceCurrent(new Run(created, init, seed, new Training(created, settings, seed)));
    }

    /**
     * A fresh layered network of {@code layers} (parsed by {@code LayerSpec} over the data's
     * images, its parameters not made yet) for the current run, as {@link #init(int[], Activation,
     * Init, long)} does for a dense stack: weights drawn from {@code seed}, settings kept.
     */
    public void init(Sequential layers, Activation hidden, Init init, long seed) {
        if (layers.in().size() != data.features()) {
            throw new ShellError("input " + layers.in() + " does not match the data's " + data.features()
                    + " pixels an image");
        }
        Settings settings = runs == null ? Settings.defaults() : training().settings();
        String shortfall = Heap.shortfall(Training.bytesNeeded(layers.parameterCount(), settings),
                "to train on " + split.train().length + " images");
        if (shortfall != null) {
            throw new ShellError("init: " + layers.spec() + " " + shortfall + "; nothing changed");
        }
        Network created = Network.layered(layers, hidden, init, seed); // built whole before the old one goes
        replaceCurrent(new Run(created, init, seed, new Training(created, settings, seed)));
    }

    /** The current run becomes {@code run}, which has trained on nothing of the data now loaded. */
    private void replaceCurrent(Run run) {
        if (runs == null) {
            runs = new Runs(run);
            return;
        }
        training().close();
        runs.replaceCurrent(run);
    }

    // ---- named runs (issue 14) ----

    /** The current run's name: "main" until a fork. */
    public String runName() {
        return runs.currentName();
    }

    /** Every run's name, the current one included, in order. */
    public List<String> runNames() {
        return runs.names();
    }

    /**
     * A new run {@code name}, a copy of the current one (network, optimizer state, settings,
     * history, best weights), made current. The data and its split are shared, not copied.
     */
    public void fork(String name) {
        runs.fork(name);
    }

    /** Makes run {@code name} current; the current one is kept as it is. */
    public void switchTo(String name) {
        runs.switchTo(name);
    }

    /** Forgets run {@code name}, which must not be the current one. */
    public void drop(String name) {
        runs.drop(name);
    }

    /**
     * Runs read back from a {@code save --all} directory: every other run is forgotten, the
     * current one becomes {@code name}, and {@code extra} are added beside it. All is checked
     * before this is called.
     */
    public void restoreRuns(String name, Map<String, Run> extra) {
        runs.restore(name, extra);
    }

    /** A run as {@link #restoreRuns} takes it: fresh of any leakage, as a loaded session is. */
    public static Run runOf(Network network, Init init, long seed, Training training) {
        return new Run(network, init, seed, training);
    }

    /** The network and training of run {@code name} (the current one's too), for compare and tests. */
    public Training trainingOf(String name) {
        return runs.get(name).training;
    }

    public Network networkOf(String name) {
        return runs.get(name).network;
    }

    /** The images the current run has trained on, as far as the splits it trained under say: indices of the data. */
    public BitSet trainedOn() {
        return runs.current().trainedOn(split);
    }

    /** Why the current run's held-out accuracy is not to be trusted: it trained on some held-out images; or null. */
    public String leakWarning() {
        return runs.current().leakWarning();
    }

    /** Every warning of run {@code name}: held-out images it trained on, pixels scaled otherwise than it trained on. */
    public List<String> warningsOf(String name) {
        return runs.get(name).warnings(data.normalized());
    }

    /**
     * Takes the network and training of a loaded session; the data and split stay. Everything is
     * checked before this is called, so it cannot fail half-way.
     */
    public void restore(Network restoredNetwork, Init init, long seed, Training restoredTraining, Split savedSplit) {
        if (savedSplit != null) {
            split = savedSplit;
        }
        restore(restoredNetwork, init, seed, restoredTraining);
    }

    /** As {@link #restore(Network, Init, long, Training, Split)}, keeping the current split. */
    public void restore(Network restoredNetwork, Init init, long seed, Training restoredTraining) {
        // it trained on the training set it was saved with: the split restored, or now's
        replaceCurrent(new Run(restoredNetwork, init, seed, restoredTraining));
    }

    /** A name for saving this session: "784-10-10-gd-u3000". */
    public String defaultName() {
        return network().architecture() + "-" + training().settings().optimizer() + "-u" + training().updates();
    }

    /** Changes a training setting from the next update on. */
    public void set(String key, List<String> words) {
        training().set(key, words);
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
        return runs.current().step(updates, false, data, split, cancelled, progress, report);
    }

    /** Makes updates until {@code epochs} more passes over the training set are complete. */
    public StepReport epochs(int epochs, BooleanSupplier cancelled, IntConsumer progress, Consumer<String> report) {
        return runs.current().step(epochs, true, data, split, cancelled, progress, report);
    }

    /** Updates that {@code epochs} more epochs take, for a progress bar. */
    public long updatesForEpochs(int epochs) {
        return training().updatesForEpochs(epochs, split.train().length);
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
        return training().evaluate(data, split.train());
    }

    public Evaluation evaluateTest() {
        return training().evaluate(data, split.test());
    }

    /** The validation images' accuracy and loss; call only when {@link Split#hasValidation()}. */
    public Evaluation evaluateValidation() {
        return training().evaluate(data, split.val());
    }

    /** The validation images, refused in one line when none are held out. */
    public int[] validationImages(String use) {
        if (!split.hasValidation()) {
            throw new ShellError(use + ": no validation images (data split --test N --val M holds some out)");
        }
        return split.val();
    }

    /** Class probabilities of image {@code index} of the loaded data. */
    public double[] probabilities(int index) {
        return ReferenceEngine.probabilities(network(), data, index);
    }

    public Dataset data() {
        return data;
    }

    public Split split() {
        return split;
    }

    public Network network() {
        return runs.current().network;
    }

    public Training training() {
        return runs.current().training;
    }

    /** Updates made since the last {@code init}. */
    public int iteration() {
        return training().updates();
    }

    public long initSeed() {
        return runs.current().initSeed;
    }

    public Init initialisation() {
        return runs.current().initialisation;
    }

    /** "784-10-10, leaky-relu(0.01), he, seed 2". */
    public String describeNetwork() {
        return network().architecture() + ", " + network().hidden() + ", " + initialisation() + " init, seed "
                + initSeed();
    }

    // ---- loading data (issue 3) ----

    /**
     * Replaces the data with {@code newData}, seen with the current scaling, split as {@code given}
     * when a test set came with it, else by {@link #defaultSplit}. The network is kept when its input
     * size matches; otherwise the seed's network is built afresh for the new size with the current
     * init seed. Returns whether the network was kept.
     */
    public boolean replaceData(Dataset newData, Split given) {
        boolean keep = network().inputs() == newData.features();
        if (!keep && runs.several()) { // every run's network would have to go: let the user choose which
            throw new ShellError("data load: its images have " + newData.features() + " pixels, the runs' networks"
                    + " take " + network().inputs() + ": drop the other runs first");
        }
        Map<String, BitSet> seenBefore = keep ? runs.trainedOn(split) : Map.of();
        Dataset dataBefore = data;
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
                init(sizes, Activation.LeakyRelu.SEED, Init.HE, initSeed());
            } catch (ShellError | OutOfMemoryError e) {
                data = oldData;
                split = oldSplit;
                throw e;
            }
        }
        data = seen;
        split = newSplit;
        testGiven = given != null;
        lastWarnings = Map.of();
        if (keep) {
            Map<String, BitSet> seenNow = new LinkedHashMap<>();
            seenBefore.forEach((name, before) -> seenNow.put(name, SameImages.among(dataBefore, before, seen)));
            lastWarnings = runs.heldOutSeen(seenNow, split, "data load");
        }
        return keep;
    }

    /** The warning the last {@code data split} or {@code data load} gave the current run, or null. */
    public String lastSplitWarning() {
        return lastWarnings.get(runName());
    }

    /** The warnings the last split, load or change of scaling gave, by run (none when no run was affected). */
    public Map<String, String> lastWarnings() {
        return lastWarnings;
    }

    /** The seed's hold-out: 1,000 test images by a seeded shuffle, or a tenth of a set smaller than 10,000. */
    public static Split defaultSplit(int size, long seed) {
        return Split.shuffled(size, Math.min(DEFAULT_TEST_IMAGES, size / 10), seed);
    }

    /** A new seeded shuffle holding out {@code testCount} images; the network is kept. */
    public void resplit(int testCount, long seed) {
        resplit(testCount, 0, seed);
    }

    /** As {@link #resplit(int, long)}, holding out {@code valCount} validation images as well. */
    public void resplit(int testCount, int valCount, long seed) {
        if (testGiven) {
            throw new IllegalStateException("the test set came with the data");
        }
        Map<String, BitSet> seen = runs.trainedOn(split);
        split = Split.shuffled(data.size(), testCount, valCount, seed);
        lastWarnings = runs.heldOutSeen(seen, split, "data split");
    }

    /** Whether the test set came with the data (and so is kept by {@code data split}). */
    public boolean testGiven() {
        return testGiven;
    }

    /**
     * Feeds every run's network pixels scaled to [0, 1] ({@code true}) or raw 0..255: the scaling is
     * the data's, which all runs share. A run that trained on the other scaling warns of it, as
     * {@link #lastWarnings} and its {@link #warningsOf} say, until its init.
     */
    public void setNormalized(boolean on) {
        boolean was = data.normalized();
        data = data.withNormalized(on);
        lastWarnings = was == on ? Map.of() : runs.scalingChanged(was, on);
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
        return training().evaluate(unlabelled.forPrediction(data.normalized()), all).predictions();
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
        return ReferenceEngine.probabilities(network(), one, 0);
    }
}
