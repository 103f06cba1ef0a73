package mnistshell.session;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import mnistshell.data.Dataset;
import mnistshell.data.Split;
import mnistshell.nn.Evaluation;
import mnistshell.nn.Init;
import mnistshell.nn.Network;
import mnistshell.train.History;
import mnistshell.train.Training;

/**
 * What one named run owns: its network, how it was made, its training (settings, optimizer state,
 * history, best weights), and what it has trained on, so that a new split or new data can say how
 * many of the held-out images it has seen, and on which pixel scaling. The data and its split belong to the session: all runs
 * share them.
 */
public final class Run {

    Network network;
    Init initialisation;
    long initSeed;
    Training training;
    /** Images (of the loaded data) in a training set this run trained on under an earlier split. */
    private BitSet trainedOn = new BitSet();
    /** The update count when the current split was made: updates after it trained on its training set. */
    private int updatesAtSplit;
    /** The warning of a split or load that held out images this run trained on; null until then, and after init. */
    private String leakWarning;
    /** Whether this run trained on raw pixels, and on scaled ones, before the scaling last changed. */
    private boolean trainedRaw;
    private boolean trainedScaled;
    /** The update count when the pixel scaling last changed: updates after it trained on the scaling now. */
    private int updatesAtScaling;

    Run(Network network, Init initialisation, long initSeed, Training training) {
        this.network = network;
        this.initialisation = initialisation;
        this.initSeed = initSeed;
        this.training = training;
    }

    /** An independent copy: network, training and what it trained on; training one leaves the other as it was. */
    Run copy() {
        Network copied = network.copy();
        Run r = new Run(copied, initialisation, initSeed, training.copy(copied));
        r.trainedOn = (BitSet) trainedOn.clone();
        r.updatesAtSplit = updatesAtSplit;
        r.leakWarning = leakWarning;
        r.trainedRaw = trainedRaw;
        r.trainedScaled = trainedScaled;
        r.updatesAtScaling = updatesAtScaling;
        return r;
    }

    public Network network() {
        return network;
    }

    public Training training() {
        return training;
    }

    /**
     * Makes {@code count} updates, or updates until {@code count} more epochs are complete, on the
     * shared {@code data} and {@code split}, stopping early when {@code cancelled} says so.
     */
    StepReport step(int count, boolean epochs, Dataset data, Split split, BooleanSupplier cancelled,
                    IntConsumer progress, Consumer<String> report) {
        long start = System.nanoTime();
        Training.Outcome outcome = epochs ? training.runEpochs(count, data, split, cancelled, progress, report)
                : training.runUpdates(count, data, split, cancelled, progress, report);
        double seconds = (System.nanoTime() - start) / 1e9;
        Evaluation train = outcome.train();
        if (train == null) { // out of memory: nothing measured, the failure says why
            return new StepReport(outcome.updates(), training.updates(), training.epoch(), Double.NaN, Double.NaN,
                    Double.NaN, seconds, outcome.interrupted(), outcome.failure());
        }
        if (split.hasValidation()) { // the test accuracy is kept for eval --test, not looked at while tuning
            Evaluation val = training.evaluate(data, split.val());
            return new StepReport(outcome.updates(), training.updates(), training.epoch(), train.loss(),
                    train.accuracy(), Double.NaN, seconds, outcome.interrupted(), outcome.failure(),
                    val.accuracy(), val.loss());
        }
        // no test images: no test accuracy (NaN), rather than 0 right of 0 shown as 0.00%
        double test = split.test().length == 0 ? Double.NaN : training.evaluate(data, split.test()).accuracy();
        return new StepReport(outcome.updates(), training.updates(), training.epoch(), train.loss(), train.accuracy(),
                test, seconds, outcome.interrupted(), outcome.failure());
    }

    /** A network that has trained on nothing: no held-out image can have been seen. */
    void forgetTrainedOn() {
        trainedOn = new BitSet();
        updatesAtSplit = 0;
        leakWarning = null;
        trainedRaw = false;
        trainedScaled = false;
        updatesAtScaling = 0;
    }

    /** The images this run has trained on, as far as the splits it trained under say: indices of the data. */
    BitSet trainedOn(Split split) {
        BitSet all = (BitSet) trainedOn.clone();
        if (training.updates() > updatesAtSplit) {
            for (int i : split.train()) {
                all.set(i);
            }
        }
        return all;
    }

    /**
     * After a new split (or new data) under this kept network: counts the held-out images of
     * {@code split} among {@code seen}, the images it trained on; with any, the warning that eval
     * repeats until init, and a mark in the history. Returns the warning, or null.
     */
    String heldOutSeen(BitSet seen, Split split, String what) {
        trainedOn = seen;
        updatesAtSplit = training.updates();
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
        training.history().add(new History.Mark(training.updates(),
                what + ": held out " + count + " of " + held + " images it trained on"));
        return leakWarning;
    }

    /**
     * The pixel scaling changed from {@code was} to {@code now} ({@code true}: scaled to [0, 1]):
     * the updates made since the last change trained on {@code was}. When this run trained on
     * other pixels than it now sees, a mark in the history and the warning; else null.
     */
    String scalingChanged(boolean was, boolean now) {
        if (training.updates() > updatesAtScaling) {
            trainedRaw |= !was;
            trainedScaled |= was;
        }
        updatesAtScaling = training.updates();
        String w = scalingWarning(now);
        if (w != null) {
            training.history().add(new History.Mark(training.updates(), "data normalize " + (now ? "on" : "off")
                    + ": it trained on " + pixels(!now) + " until here"));
        }
        return w;
    }

    private String scalingWarning(boolean now) {
        return (now ? trainedRaw : trainedScaled) ? "warning: trained on " + pixels(!now) + ", now "
                + (now ? "scaled (0-1)" : "raw (0-255)") + "; init to start afresh" : null;
    }

    private static String pixels(boolean scaled) {
        return scaled ? "scaled pixels (0-1)" : "raw pixels (0-255)";
    }

    /** Every warning that holds for this run while the pixels are {@code scaled} or not: what eval repeats. */
    List<String> warnings(boolean scaled) {
        List<String> out = new ArrayList<>();
        if (leakWarning != null) {
            out.add(leakWarning);
        }
        String w = scalingWarning(scaled);
        if (w != null) {
            out.add(w);
        }
        return out;
    }

    /** Why held-out accuracy is not to be trusted: this run trained on some held-out images; or null. */
    String leakWarning() {
        return leakWarning;
    }
}
