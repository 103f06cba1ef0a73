package mnistshell.store;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import mnistshell.data.Dataset;
import mnistshell.data.Split;
import mnistshell.nn.Activation;
import mnistshell.nn.Init;
import mnistshell.nn.Network;
import mnistshell.nn.layer.LayerSpec;
import mnistshell.nn.layer.Sequential;
import mnistshell.nn.layer.Shape;
import mnistshell.nn.Tensor;
import mnistshell.session.Session;
import mnistshell.files.FileRefusal;
import mnistshell.files.ReadableFile;
import mnistshell.memory.Heap;
import mnistshell.errors.ShellError;
import mnistshell.train.BatchOrder;
import mnistshell.train.History;
import mnistshell.train.Optimizer;
import mnistshell.train.Optimizers;
import mnistshell.train.Settings;
import mnistshell.train.Training;

/**
 * Reads a saved session, or bare weights as {@code np.savez(W1=..., b1=...)} writes them, and checks
 * all of it (zip, headers, dtypes, shapes against the architecture, finite values, format version)
 * before anything is handed over: a bad file changes nothing.
 */
public final class SessionLoader {

    /** session.json of a very long run (a million updates of history) stays well below this. */
    static final long MAX_HEADER_BYTES = 64L << 20;
    /** No array, and no network's parameters together, may take more than this (32M doubles). */
    static final long MAX_BARE_ARRAY_BYTES = 256L << 20;
    static final int MAX_LAYER = 1 << 20;

    private SessionLoader() {
    }

    /** Reads {@code file} for {@code current} (whose data it must fit); {@code current} is not touched. */
    public static LoadedSession load(Path file, Session current) {
        try (SeekableByteChannel channel = open(file)) {
            NpzReader npz = new NpzReader(file, channel);
            if (npz.has(SessionFile.HEADER)) {
                return session(npz, current);
            }
            if (npz.has("W1.npy")) {
                return BareWeights.load(npz, current);
            }
            throw new ShellError(file + ": neither " + SessionFile.HEADER + " nor W1.npy inside (found "
                    + String.join(", ", npz.names()) + "): expected a session saved by mnist-shell or weights saved "
                    + "with np.savez(f, W1=W1, b1=b1, W2=W2, b2=b2)");
        } catch (IOException e) {
            throw new ShellError(file + ": cannot read: " + e.getMessage());
        }
    }

    /** The one place a saved session's file is opened; every byte of it is then read through the channel. */
    static SeekableByteChannel open(Path file) {
        try {
            return ReadableFile.channel(file, "saved session", () -> false);
        } catch (FileRefusal e) {
            throw new ShellError(e.getMessage());
        }
    }

    private static LoadedSession session(NpzReader npz, Session current) {
        String where = npz.where(SessionFile.HEADER);
        SessionHeader h = SessionJson.read(npz.bytes(SessionFile.HEADER, MAX_HEADER_BYTES), where);
        Settings saved = SessionChecks.check(h, where);
        int[] sizes = h.network().sizes();
        checkFits(sizes, where, current.data());
        Sequential layers = layers(h, where);
        if (layers != null && (h.data().rows() != current.data().rows() || h.data().cols() != current.data().cols())) {
            throw new ShellError(where + ": the network " + Npy.printable(h.network().spec()) + " takes images of "
                    + h.data().rows() + "x" + h.data().cols() + " but the loaded data's are " + current.data().rows()
                    + "x" + current.data().cols() + ": load data of that shape first");
        }
        Activation act = parse(where, "network.activation", () -> Activation.named(h.network().activation(),
                h.network().slope() == null ? 0 : h.network().slope()));
        Init init = parse(where, "network.init", () -> Init.named(h.network().init()));
        Settings settings = saved.with("threads", List.of(current.training().settings().value("threads")));
        SessionHeader.TrainingPart t = h.training();
        Split split = savedSplit(h.data(), current);
        int trainImages = (split != null ? split : current.split()).train().length;
        checkPosition(t, where, trainImages);
        List<String> expected = expectedArrays(parameterLayers(h, layers), t.optimizer());
        checkEntries(npz, expectedArrays(h, layers));
        if (h.best() != null && h.best().batchPosition() >= Math.max(1, trainImages)) {
            throw new ShellError(where + ": best.batchPosition: expected 0 to " + (Math.max(1, trainImages) - 1)
                    + " (within the " + trainImages + " training images loaded), found " + h.best().batchPosition());
        }
        String shortfall = Heap.shortfall(layers != null ? Training.bytesNeeded(layers.parameterCount(), settings)
                        : Training.bytesNeeded(sizes, settings, trainImages),
                "to train " + (layers != null ? layers.spec()
                        : String.join("-", Arrays.stream(sizes).mapToObj(Integer::toString).toList()))
                        + " on " + trainImages + " images");
        if (shortfall != null) {
            throw new ShellError(npz.file() + ": the session " + shortfall + "; nothing changed");
        }
        Network net = layers != null ? readLayered(npz, layers, act) : readDense(npz, sizes, act);
        Optimizer optimizer = new Optimizer(Optimizers.named(t.optimizer()), net.tensors());
        optimizer.restore(readState(npz, net, expected), t.optimizerUpdates());
        BatchOrder order = new BatchOrder(t.batchSeed(), t.epoch(), t.batchPosition());
        Training training = new Training(net, settings, optimizer, order, history(h), t.updates());
        if (h.best() != null) {
            training.best().keepSaved(best(npz, h.best(), net));
        }
        List<String> notes = split != null ? List.of() : DataCheck.notes(h.data(), current);
        if (split != null && current.data().normalized() != h.data().normalized()) {
            notes = DataCheck.notes(h.data(), current); // only the scaling can differ: the data is the same
        }
        return new LoadedSession(net, init, h.network().seed(), training, h.commands(), notes, split);
    }

    /**
     * The three index sets as saved, when the file holds them and the data loaded now is the data
     * they index (checked by its digest); else null, and the current split stays.
     */
    private static Split savedSplit(SessionHeader.DataPart d, Session current) {
        SessionHeader.SplitPart s = d.split();
        if (s.trainIndices() == null || d.images() != current.data().size()
                || !DataIdentity.sha256(current.data()).equals(d.sha256())
                || current.testGiven() && !Arrays.equals(s.testIndices(), current.split().test())) {
            return null; // a test set that came with the data is kept, as data split keeps it
        }
        return new Split(s.trainIndices().clone(), s.testIndices().clone(), s.seed(), s.valIndices().clone());
    }

    /** The best weights' arrays, shaped as the network's. */
    private static mnistshell.train.BestWeights.Saved best(NpzReader npz, SessionHeader.BestPart b, Network net) {
        List<Tensor> params = net.tensors();
        List<String> names = SessionFile.bestNames(params.stream().map(Tensor::name).toList(), b.optimizer());
        List<double[][]> arrays = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            Tensor like = params.get(k % params.size());
            arrays.add(matrix(npz, names.get(k), like.rows(), like.columns(), !like.weight()));
        }
        return new mnistshell.train.BestWeights.Saved(b.update(), b.metric(), arrays, b.optimizer(), b.optimizerUpdates(),
                new BatchOrder.Mark(b.epoch(), b.batchPosition()), b.sinceBest());
    }

    /** The network must read the loaded data's pixels and give ten classes. */
    static void checkFits(int[] sizes, String where, Dataset data) {
        if (sizes[0] != data.features()) {
            throw new ShellError(where + ": the network takes " + sizes[0] + " inputs but the loaded data has "
                    + data.features() + " pixels per image: load data of that size first");
        }
        if (sizes[sizes.length - 1] != Dataset.CLASSES) {
            throw new ShellError(where + ": expected " + Dataset.CLASSES + " outputs, one per digit, found "
                    + sizes[sizes.length - 1]);
        }
    }

    /** Runs {@code parse}, locating a refusal in the file. */
    static <T> T parse(String where, String what, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (ShellError e) {
            throw new ShellError(where + ": " + what + ": " + e.getMessage());
        }
    }

    /** The arrays {@code h} calls for: the network's, its optimizer's, and the best weights' if it kept them. */
    static List<String> expectedArrays(SessionHeader h, Sequential layers) {
        int count = parameterLayers(h, layers);
        List<String> all = expectedArrays(count, h.training().optimizer());
        if (h.best() != null) {
            all.addAll(SessionFile.bestNames(expectedArrays(count, "gd"), h.best().optimizer()));
        }
        return all;
    }

    /** W1, b1, ..., W{layers}, b{layers}, then the optimizer's state arrays of those. */
    static List<String> expectedArrays(int layers, String optimizer) {
        List<String> params = new ArrayList<>();
        for (int l = 1; l <= layers; l++) {
            params.add("W" + l);
            params.add("b" + l);
        }
        List<String> all = new ArrayList<>(params);
        all.addAll(SessionFile.stateNames(optimizer, params));
        return all;
    }

    /** Exactly the expected entries: a missing one is refused, and so is one nobody asked for. */
    private static void checkEntries(NpzReader npz, List<String> expected) {
        Set<String> wanted = new HashSet<>();
        wanted.add(SessionFile.HEADER);
        for (String name : expected) {
            wanted.add(name + ".npy");
            if (!npz.has(name + ".npy")) {
                throw new ShellError(npz.where(name + ".npy") + ": missing: the architecture and optimizer in "
                        + SessionFile.HEADER + " need " + String.join(", ", expected));
            }
        }
        for (String name : npz.names()) {
            if (!wanted.contains(name)) {
                throw new ShellError(npz.where(name) + ": unexpected entry: this architecture and optimizer need only "
                        + SessionFile.HEADER + ", " + String.join(", ", expected));
            }
        }
    }

    private static Network readDense(NpzReader npz, int[] sizes, Activation act) {
        double[][][] weights = new double[sizes.length - 1][][];
        double[][][] biases = new double[sizes.length - 1][][];
        for (int l = 0; l < sizes.length - 1; l++) {
            weights[l] = matrix(npz, "W" + (l + 1), sizes[l + 1], sizes[l], false);
            biases[l] = matrix(npz, "b" + (l + 1), sizes[l + 1], 1, true);
        }
        return Network.of(act, weights, biases);
    }

    /** The layers' parameters, each of the shape its layer gives it (W1 of conv8k5: (8, 25)). */
    private static Network readLayered(NpzReader npz, Sequential layers, Activation act) {
        Network net = Network.layered(layers, act);
        for (Tensor t : net.tensors()) {
            Tensor.copy(matrix(npz, t.name(), t.rows(), t.columns(), !t.weight()), t.values());
        }
        return net;
    }

    /**
     * The layers of a layered network's header, its spec parsed over images of the saved data's
     * rows and columns; null for a dense stack. A spec this shell cannot build is refused in one
     * line naming the file, the field and what was expected.
     */
    static Sequential layers(SessionHeader h, String where) {
        String spec = h.network().spec();
        if (spec == null) {
            return null;
        }
        Activation act = parse(where, "network.activation", () -> Activation.named(h.network().activation(),
                h.network().slope() == null ? 0 : h.network().slope()));
        Shape image = Shape.image(h.data().rows(), h.data().cols());
        return parse(where, "network.spec '" + Npy.printable(spec) + "'",
                () -> LayerSpec.parse(spec, image, Dataset.CLASSES, act));
    }

    /** How many layers have a W and a b: a dense stack's L, a layered network's parameter layers. */
    static int parameterLayers(SessionHeader h, Sequential layers) {
        return layers != null ? layers.params().size() / 2 : h.network().sizes().length - 1;
    }

    private static List<double[][]> readState(NpzReader npz, Network net, List<String> expected) {
        List<Tensor> params = net.tensors();
        List<double[][]> state = new ArrayList<>();
        for (int k = params.size(); k < expected.size(); k++) {
            Tensor like = params.get((k - params.size()) % params.size());
            state.add(matrix(npz, expected.get(k), like.rows(), like.columns(), !like.weight()));
        }
        return state;
    }

    /** Entry {@code name}.npy, which must be (rows, cols), or (rows,) where {@code vector} allows it. */
    static double[][] matrix(NpzReader npz, String name, int rows, int cols, boolean vector) {
        Npy.Array a = npz.array(name + ".npy", (long) rows * cols * 8);
        boolean ok = a.shape().length == 2 ? a.shape()[0] == rows && a.shape()[1] == cols
                : vector && a.shape()[0] == rows;
        if (!ok) {
            throw new ShellError(npz.where(name + ".npy") + ": expected shape (" + rows + ", " + cols + ")"
                    + (vector ? " or (" + rows + ",)" : "") + " for this architecture, found " + a.shapeText());
        }
        return a.matrix();
    }

    /** The mini-batch position must lie within the training images loaded now. */
    private static void checkPosition(SessionHeader.TrainingPart t, String where, int trainSize) {
        if (t.batchPosition() >= Math.max(1, trainSize)) {
            throw new ShellError(where + ": training.batchPosition: expected 0 to " + (Math.max(1, trainSize) - 1)
                    + " (within the " + trainSize + " training images loaded), found " + t.batchPosition());
        }
    }

    private static History history(SessionHeader h) {
        History history = new History();
        for (SessionHeader.ChangePart c : h.changes()) {
            history.add(new History.Change(c.update(), c.key(), c.value()));
        }
        SessionHeader.HistoryPart p = h.history();
        for (int i = 0; i < p.update().length; i++) {
            Double test = p.testAccuracy()[i];
            history.add(new History.Point(p.update()[i], p.epoch()[i], p.loss()[i], p.trainAccuracy()[i],
                    test == null ? Double.NaN : test));
        }
        for (int i = 0; p.valUpdate() != null && i < p.valUpdate().length; i++) {
            history.add(new History.Validation(p.valUpdate()[i], p.valLoss()[i], p.valAccuracy()[i]));
        }
        for (int i = 0; p.markUpdate() != null && i < p.markUpdate().length; i++) {
            history.add(new History.Mark(p.markUpdate()[i], p.markText()[i]));
        }
        SessionHeader.LayersPart l = h.layers();
        for (int i = 0; l != null && i < l.update().length; i++) {
            history.add(new History.Layers(l.update()[i], unboxed(l.gradient()[i]), unboxed(l.ratio()[i]),
                    unboxed(l.mean()[i]), unboxed(l.std()[i]), unboxed(l.inactive()[i])));
        }
        return history;
    }

    private static double[] unboxed(Double[] values) {
        double[] out = new double[values.length];
        for (int k = 0; k < values.length; k++) {
            out[k] = values[k] == null ? Double.NaN : values[k];
        }
        return out;
    }
}
