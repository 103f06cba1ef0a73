package mnistshell.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mnistshell.data.Dataset;
import mnistshell.files.AtomicFile;
import mnistshell.files.FileRefusal;
import mnistshell.data.Split;
import mnistshell.nn.Activation;
import mnistshell.nn.Network;
import mnistshell.nn.Tensor;
import mnistshell.session.Session;
import mnistshell.errors.ShellError;
import mnistshell.train.History;
import mnistshell.train.Optimizers;
import mnistshell.train.Training;

/**
 * A saved session: a {@code .npz} that numpy opens with {@code np.load}. Entries, in this order:
 * {@code session.json} ({@link SessionHeader}); {@code W1, b1, W2, b2, ...} shaped as the notebook
 * shapes them (W1 (10, 784), b1 (10, 1)); then the optimizer's state, named by its rule
 * ({@link mnistshell.train.UpdateRule#statePrefixes}): {@code opt_v_W1...} for momentum and
 * nesterov, {@code opt_m_W1... opt_s_W1...} for adam. Every array is float64,
 * little-endian, C order.
 */
public final class SessionFile {

    public static final String FORMAT = "mnist-shell-session";
    /** The newest version this shell writes and reads: 2, for layered networks; dense stacks still write 1. */
    public static final int VERSION = 2;
    /** The version of a file that holds a dense stack: the same as before networks could be layered. */
    public static final int DENSE_VERSION = 1;
    public static final String HEADER = "session.json";
    /** Layer statistics rows a file keeps at most: of a longer run, every k-th update's (about 6 MB of JSON). */
    static final int MAX_LAYER_ROWS = 10_000;

    /** What a save's bytes pass through on their way to the file; a seam so a test can fail the write half-way. */
    public interface Sink {
        OutputStream wrap(OutputStream file) throws IOException;
    }

    private SessionFile() {
    }

    /** Names of the optimizer's state arrays, in the order of {@code Optimizer.state()}. */
    static List<String> stateNames(String optimizer, List<String> params) {
        return Optimizers.named(optimizer).stateNames(params);
    }

    /** Names of the best weights' arrays: best_W1, best_b1, ..., then best_opt_... of their optimizer. */
    static List<String> bestNames(List<String> params, String optimizer) {
        List<String> names = new ArrayList<>();
        params.forEach(p -> names.add("best_" + p));
        stateNames(optimizer, params).forEach(n -> names.add("best_" + n));
        return names;
    }

    /** Saves {@code session} to {@code target}, atomically: the old file stays whole until the new one is. */
    public static void save(Session session, List<String> commands, Path target) {
        save(session, commands, target, out -> out);
    }

    public static void save(Session session, List<String> commands, Path target, Sink sink) {
        Map<String, byte[]> entries = entries(session, commands);
        try {
            AtomicFile.write(target, out -> NpzWriter.write(entries, sink.wrap(out)));
        } catch (FileRefusal e) {
            throw new ShellError(e.getMessage());
        }
    }

    /** The archive's entries, in order, as bytes. */
    static Map<String, byte[]> entries(Session session, List<String> commands) {
        Training training = session.training();
        List<String> params = new ArrayList<>();
        Map<String, byte[]> arrays = new LinkedHashMap<>();
        for (Tensor t : session.network().tensors()) {
            params.add(t.name());
            arrays.put(t.name(), Npy.write(t.values()));
        }
        List<String> stateNames = stateNames(training.settings().optimizer(), params);
        List<double[][]> state = training.optimizer().state();
        for (int k = 0; k < state.size(); k++) {
            arrays.put(stateNames.get(k), Npy.write(state.get(k)));
        }
        mnistshell.train.BestWeights.Saved best = training.best().saved();
        if (best != null) { // the best weights beside the current ones, then their optimizer state
            List<String> names = bestNames(params, best.optimizer());
            for (int k = 0; k < names.size(); k++) {
                arrays.put(names.get(k), Npy.write(best.arrays().get(k)));
            }
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(HEADER, SessionJson.write(header(session, commands, List.copyOf(arrays.keySet()))));
        arrays.forEach((name, bytes) -> entries.put(name + ".npy", bytes));
        return entries;
    }

    static SessionHeader header(Session session, List<String> commands, List<String> arrays) {
        Training training = session.training();
        Network net = session.network();
        Activation act = net.hidden();
        Double slope = act instanceof Activation.LeakyRelu l ? l.slope() : null;
        List<SessionHeader.ChangePart> changes = training.history().changes().stream()
                .map(c -> new SessionHeader.ChangePart(c.update(), c.key(), c.value())).toList();
        SessionHeader.TrainingPart counters = new SessionHeader.TrainingPart(training.updates(), training.epoch(),
                training.order().position(), training.order().seed(), training.settings().optimizer(),
                training.optimizer().updates());
        SessionHeader.SummaryPart summary = new SessionHeader.SummaryPart(net.architecture(), training.updates(),
                session.evaluateTrain().accuracy(), session.evaluateTest().accuracy());
        SessionHeader.NetworkPart network = net.isLayered()
                ? new SessionHeader.NetworkPart(new int[] {net.inputs(), net.outputs()}, act.name(), slope,
                        session.initialisation().label(), session.initSeed(), net.architecture())
                : new SessionHeader.NetworkPart(net.sizes(), act.name(), slope, session.initialisation().label(),
                        session.initSeed());
        return new SessionHeader(FORMAT, net.isLayered() ? VERSION : DENSE_VERSION, network,
                training.settings().asMap(), changes, counters, history(training.history()),
                data(session.data(), session.split()), summary, List.copyOf(commands), arrays, best(training),
                layers(training.history().layers()));
    }

    private static SessionHeader.BestPart best(Training training) {
        mnistshell.train.BestWeights.Saved b = training.best().saved();
        return b == null ? null : new SessionHeader.BestPart(b.update(), b.metric(), b.optimizer(), b.optimizerUpdates(),
                b.mark().epoch(), b.mark().position(), b.sinceBest());
    }

    /** The history's layer statistics as columns, thinned to every k-th row when there are too many. */
    static SessionHeader.LayersPart layers(List<History.Layers> all) {
        int every = Math.max(1, (all.size() + MAX_LAYER_ROWS - 1) / MAX_LAYER_ROWS);
        List<History.Layers> kept = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0; i -= every) { // the last update's always among them
            kept.add(0, all.get(i));
        }
        int n = kept.size();
        int[] update = new int[n];
        Double[][][] columns = new Double[5][n][];
        for (int i = 0; i < n; i++) {
            History.Layers l = kept.get(i);
            update[i] = l.update();
            double[][] values = {l.gradient(), l.ratio(), l.mean(), l.std(), l.inactive()};
            for (int c = 0; c < 5; c++) {
                columns[c][i] = boxed(values[c]);
            }
        }
        return new SessionHeader.LayersPart(update, columns[0], columns[1], columns[2], columns[3], columns[4]);
    }

    private static Double[] boxed(double[] values) {
        Double[] out = new Double[values.length];
        for (int k = 0; k < values.length; k++) {
            out[k] = Double.isNaN(values[k]) ? null : values[k]; // JSON has no NaN
        }
        return out;
    }

    private static SessionHeader.HistoryPart history(History h) {
        List<History.Point> points = h.points();
        int n = points.size();
        int[] update = new int[n];
        int[] epoch = new int[n];
        double[] loss = new double[n];
        double[] train = new double[n];
        Double[] test = new Double[n];
        for (int i = 0; i < n; i++) {
            History.Point p = points.get(i);
            update[i] = p.update();
            epoch[i] = p.epoch();
            loss[i] = p.loss();
            train[i] = p.trainAccuracy();
            test[i] = Double.isNaN(p.testAccuracy()) ? null : p.testAccuracy(); // JSON has no NaN
        }
        List<History.Validation> vs = h.validations();
        int[] valUpdate = vs.stream().mapToInt(History.Validation::update).toArray();
        double[] valLoss = vs.stream().mapToDouble(History.Validation::loss).toArray();
        double[] valAccuracy = vs.stream().mapToDouble(History.Validation::accuracy).toArray();
        int[] markUpdate = h.marks().stream().mapToInt(History.Mark::update).toArray();
        String[] markText = h.marks().stream().map(History.Mark::text).toArray(String[]::new);
        return new SessionHeader.HistoryPart(update, epoch, loss, train, test, valUpdate, valLoss, valAccuracy,
                markUpdate, markText);
    }

    static SessionHeader.DataPart data(Dataset data, Split split) {
        return new SessionHeader.DataPart(data.source(), data.size(), data.rows(), data.cols(), data.normalized(),
                DataIdentity.sha256(data),
                new SessionHeader.SplitPart(split.seed(), split.train().length, split.test().length, split.test(),
                        split.val().length, split.val(), split.train()));
    }
}
