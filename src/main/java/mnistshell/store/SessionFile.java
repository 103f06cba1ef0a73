package mnistshell.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mnistshell.data.Dataset;
import mnistshell.data.Split;
import mnistshell.nn.Activation;
import mnistshell.nn.Network;
import mnistshell.nn.Tensor;
import mnistshell.session.Session;
import mnistshell.shell.ShellError;
import mnistshell.train.History;
import mnistshell.train.Training;

/**
 * A saved session: a {@code .npz} that numpy opens with {@code np.load}. Entries, in this order:
 * {@code session.json} ({@link SessionHeader}); {@code W1, b1, W2, b2, ...} shaped as the notebook
 * shapes them (W1 (10, 784), b1 (10, 1)); then the optimizer's state, {@code opt_v_W1...} for
 * momentum and nesterov, {@code opt_m_W1... opt_s_W1...} for adam. Every array is float64,
 * little-endian, C order.
 */
public final class SessionFile {

    public static final String FORMAT = "mnist-shell-session";
    public static final int VERSION = 1;
    public static final String HEADER = "session.json";

    /** Opens the stream a save writes to; a seam so a test can fail the write half-way. */
    public interface Sink {
        OutputStream open(Path file) throws IOException;
    }

    private SessionFile() {
    }

    /** Names of the optimizer's state arrays, in the order of {@code Optimizer.state()}. */
    static List<String> stateNames(String optimizer, List<String> params) {
        List<String> prefixes = switch (optimizer) {
            case "momentum", "nesterov" -> List.of("opt_v_");
            case "adam" -> List.of("opt_m_", "opt_s_");
            default -> List.of();
        };
        List<String> names = new ArrayList<>();
        for (String prefix : prefixes) {
            for (String p : params) {
                names.add(prefix + p);
            }
        }
        return names;
    }

    /** Saves {@code session} to {@code target}, atomically: the old file stays whole until the new one is. */
    public static void save(Session session, List<String> commands, Path target) {
        save(session, commands, target, Files::newOutputStream);
    }

    public static void save(Session session, List<String> commands, Path target, Sink sink) {
        Map<String, byte[]> entries = entries(session, commands);
        Path dir = target.toAbsolutePath().getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
            shareable(temp);
            try (OutputStream out = sink.open(temp)) {
                NpzWriter.write(entries, out);
            }
            force(temp);
            move(temp, target);
        } catch (IOException e) {
            throw new ShellError("save: could not write " + target + ": " + e.getMessage()
                    + (Files.exists(target) ? "; the file there before is untouched" : ""));
        } finally {
            deleteQuietly(temp);
        }
    }

    /** Temporary files are private to their owner; a saved session is for sharing, as np.save's are. */
    private static void shareable(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    private static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true); // on disk before the rename makes it the session
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            // a stray temporary file is harmless; the save itself succeeded or was reported
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
        return new SessionHeader(FORMAT, VERSION,
                new SessionHeader.NetworkPart(net.sizes(), act.name(), slope, session.initialisation().label(),
                        session.initSeed()),
                training.settings().asMap(), changes, counters, history(training.history()),
                data(session.data(), session.split()), summary, List.copyOf(commands), arrays);
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
        return new SessionHeader.HistoryPart(update, epoch, loss, train, test);
    }

    static SessionHeader.DataPart data(Dataset data, Split split) {
        return new SessionHeader.DataPart(data.source(), data.size(), data.rows(), data.cols(), data.normalized(),
                DataIdentity.sha256(data),
                new SessionHeader.SplitPart(split.seed(), split.train().length, split.test().length, split.test()));
    }
}
