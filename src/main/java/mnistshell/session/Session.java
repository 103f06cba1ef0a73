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
    /** Images (of the loaded data) in a training set the network was trained on under an earlier split. */
    private java.util.BitSet trainedOn = new java.util.BitSet();
    /** The update count when the current split was made: updates after it trained on its training set. */
    private int updatesAtSplit;
    /** The warning of a split or load that held out images the network trained on; null until then, and after init. */
    private String leakWarning;
    /** The runs other than the current one, by name, each with its own network and training. */
    private final java.util.Map<String, Run> others = new java.util.TreeMap<>();
    private String runName = "main";

    /** What one run owns: everything but the data and its split, which all runs share. */
    public record Run(Network network, Init initialisation, long initSeed, Training training,
                       java.util.BitSet trainedOn, int updatesAtSplit, String leakWarning) {
    }

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
        forgetTrainedOn();
    }

    // ---- named runs (issue 14) ----

    /** The current run's name: "main" until a fork. */
    public String runName() {
        return runName;
    }

    /** Every run's name, the current one included, in order. */
    public List<String> runNames() {
        java.util.TreeSet<String> all = new java.util.TreeSet<>(others.keySet());
        all.add(runName);
        return List.copyOf(all);
    }

    /**
     * A new run {@code name}, a copy of the current one (network, optimizer state, settings,
     * history, best weights), made current. The data and its split are shared, not copied.
     */
    public void fork(String name) {
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,23}")) {
            throw new ShellError("fork: a run's name is 1 to 24 letters, digits, '_', '.' or '-', found "
                    + mnistshell.errors.Values.shown(name));
        }
        if (runNames().contains(name)) {
            throw new ShellError("fork: there is already a run '" + name + "' (runs lists them)");
        }
        String shortfall = Heap.shortfall(Training.bytesNeeded(network.sizes(), training.settings(), 0),
                "to fork " + network.architecture());
        if (shortfall != null) {
            throw new ShellError("fork " + name + ": " + shortfall + "; nothing changed");
        }
        Network copied = network.copy();
        Training copiedTraining = training.copy(copied);
        stash();
        network = copied;
        training = copiedTraining;
        trainedOn = (java.util.BitSet) trainedOn.clone();
        runName = name;
    }

    /** Makes run {@code name} current; the current one is kept as it is. */
    public void switchTo(String name) {
        Run target = others.get(name);
        if (target == null) {
            throw new ShellError(name.equals(runName) ? "switch: already on run '" + name + "'"
                    : "switch: no run '" + name + "' (runs: " + String.join(", ", runNames()) + ")");
        }
        stash();
        others.remove(name);
        network = target.network();
        initialisation = target.initialisation();
        initSeed = target.initSeed();
        training = target.training();
        trainedOn = target.trainedOn();
        updatesAtSplit = target.updatesAtSplit();
        leakWarning = target.leakWarning();
        runName = name;
    }

    /** Forgets run {@code name}, which must not be the current one. */
    public void drop(String name) {
        if (name.equals(runName)) {
            throw new ShellError("drop: '" + name + "' is the current run: switch to another first");
        }
        Run gone = others.remove(name);
        if (gone == null) {
            throw new ShellError("drop: no run '" + name + "' (runs: " + String.join(", ", runNames()) + ")");
        }
        gone.training().close();
    }

    /**
     * Runs read back from a {@code save --all} directory: every other run is forgotten, the
     * current one becomes {@code name}, and {@code extra} are added beside it. All is checked
     * before this is called.
     */
    public void restoreRuns(String name, java.util.Map<String, Run> extra) {
        others.values().forEach(r -> r.training().close());
        others.clear();
        others.putAll(extra);
        runName = name;
    }

    /** A run as {@link #restoreRuns} takes it: fresh of any leakage, as a loaded session is. */
    public static Run runOf(Network network, Init init, long seed, Training training) {
        return new Run(network, init, seed, training, new java.util.BitSet(), 0, null);
    }

    /** The current run's state, put aside under its name; its kernel threads are let go until it is current again. */
    private void stash() {
        training.close();
        others.put(runName, new Run(network, initialisation, initSeed, training, trainedOn, updatesAtSplit,
                leakWarning));
    }

    /** The network and training of run {@code name} (the current one's too), for compare and tests. */
    public Training trainingOf(String name) {
        return name.equals(runName) ? training : runOf(name).training();
    }

    public Network networkOf(String name) {
        return name.equals(runName) ? network : runOf(name).network();
    }

    private Run runOf(String name) {
        Run r = others.get(name);
        if (r == null) {
            throw new ShellError("no run '" + name + "' (runs: " + String.join(", ", runNames()) + ")");
        }
        return r;
    }

    /** A network that has trained on nothing: no held-out image can have been seen. */
    private void forgetTrainedOn() {
        trainedOn = new java.util.BitSet();
        updatesAtSplit = 0;
        leakWarning = null;
    }

    /** The images the network has trained on, as far as the splits it trained under say: indices of the data. */
    public java.util.BitSet trainedOn() {
        java.util.BitSet all = (java.util.BitSet) trainedOn.clone();
        if (iteration() > updatesAtSplit) {
            for (int i : split.train()) {
                all.set(i);
            }
        }
        return all;
    }

    /**
     * After a new split (or new data) under a kept network: counts the held-out images among
     * {@code seen}, the images it trained on; with any, the warning that eval repeats until init,
     * and a mark in the history. Returns the warning, or null.
     */
    private String heldOutSeen(java.util.BitSet seen, String what) {
        trainedOn = seen;
        updatesAtSplit = iteration();
        int held = split.test().length + split.val().length;
        int count = 0;
        for (int[] set : new int[][] {split.test(), split.val()}) {
            for (int i : set) {
                count += seen.get(i) ? 1 : 0;
            }
        }
        if (count == 0) {
            leakWarning = null; // what it trained on is all in the training set again: held-out figures hold
            return null;
        }
        leakWarning = String.format("warning: trained on %d of the %d held-out images; init to start afresh",
                count, held);
        training.history().add(new mnistshell.train.History.Mark(iteration(),
                what + ": held out " + count + " of " + held + " images it trained on"));
        return leakWarning;
    }

    /** Why held-out accuracy is not to be trusted: the network trained on some held-out images; or null. */
    public String leakWarning() {
        return leakWarning;
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
        if (training != null) {
            training.close();
        }
        network = restoredNetwork;
        initialisation = init;
        initSeed = seed;
        training = restoredTraining;
        forgetTrainedOn(); // it trained on the training set it was saved with: the split restored, or now's
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
        if (split.hasValidation()) { // the test accuracy is kept for eval --test, not looked at while tuning
            return new StepReport(outcome.updates(), training.updates(), training.epoch(), train.loss(),
                    train.accuracy(), Double.NaN, seconds, outcome.interrupted(), outcome.failure(),
                    evaluateValidation().accuracy());
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

    /** The validation images' accuracy and loss; call only when {@link Split#hasValidation()}. */
    public Evaluation evaluateValidation() {
        return training.evaluate(data, split.val());
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
        refuseWithOtherRuns("data load");
        boolean keep = network.inputs() == newData.features();
        java.util.BitSet seenBefore = keep ? trainedOn() : null;
        lastWarning = null;
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
        if (keep) {
            training.forgetBest();
            lastWarning = heldOutSeen(sameImages(dataBefore, seenBefore, seen), "data load");
        }
        return keep;
    }

    /**
     * All runs share the data and its split, and each must know which images it trained on: a new
     * split or new data while there are other runs would leave them judged on images they trained on.
     */
    private void refuseWithOtherRuns(String what) {
        if (!others.isEmpty()) {
            throw new ShellError(what + ": the runs " + String.join(", ", runNames()) + " share the data and its"
                    + " split: drop the others first");
        }
    }

    /** The warning of the last split or load, if it held out images trained on; null otherwise. */
    private String lastWarning;

    /** The warning the last {@code data split} or {@code data load} gave, or null: printed by the command. */
    public String lastSplitWarning() {
        return lastWarning;
    }

    /**
     * The images of {@code now} equal (pixels and label) to one of {@code before} marked in
     * {@code marked}: the network trained on those whatever their index in the new file.
     */
    static java.util.BitSet sameImages(Dataset before, java.util.BitSet marked, Dataset now) {
        java.util.BitSet same = new java.util.BitSet();
        if (marked.isEmpty() || before.features() != now.features()) {
            return same;
        }
        // the pixels as views into the datasets' arrays, not copies; each with the labels it was seen with
        java.util.Map<java.nio.ByteBuffer, Integer> labels = new java.util.HashMap<>();
        for (int i = marked.nextSetBit(0); i >= 0; i = marked.nextSetBit(i + 1)) {
            labels.merge(pixels(before, i), 1 << before.label(i), (a, b) -> a | b);
        }
        for (int i = 0; i < now.size(); i++) {
            Integer seenWith = labels.get(pixels(now, i));
            if (seenWith != null && (seenWith & 1 << now.label(i)) != 0) {
                same.set(i);
            }
        }
        return same;
    }

    private static java.nio.ByteBuffer pixels(Dataset d, int i) {
        return java.nio.ByteBuffer.wrap(d.pixels(), i * d.features(), d.features()).slice();
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
        refuseWithOtherRuns("data split");
        java.util.BitSet seen = trainedOn();
        split = Split.shuffled(data.size(), testCount, valCount, seed);
        training.forgetBest(); // judged on images that may not be held out now
        lastWarning = heldOutSeen(seen, "data split");
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
