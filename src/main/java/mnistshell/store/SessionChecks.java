package mnistshell.store;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import mnistshell.errors.ShellError;
import mnistshell.train.Optimizers;
import mnistshell.train.Settings;

/**
 * Every value of a parsed session.json against its range and against the rest of the file, before
 * any of it is used: what the file holds must be what a session of this shell can have saved. What
 * depends on the data loaded now (its pixels per image, its training images) is checked by
 * {@link SessionLoader}.
 */
final class SessionChecks {

    private final String where;
    private final SessionHeader h;
    /** A layered network's layers, from its spec (see {@link #spec}); null for a dense stack. */
    private mnistshell.nn.layer.Sequential layered;

    private SessionChecks(SessionHeader h, String where) {
        this.h = h;
        this.where = where;
    }

    /**
     * Refuses, in one line naming the field and what was expected, the first value out of place;
     * returns the settings as saved.
     */
    static Settings check(SessionHeader h, String where) {
        SessionChecks c = new SessionChecks(h, where);
        c.network();
        c.training();
        Settings settings = c.settings();
        c.changes();
        c.history();
        c.data();
        c.spec();
        c.layers();
        c.summary();
        c.best(settings);
        c.lists();
        return settings;
    }

    private void network() {
        SessionHeader.NetworkPart n = require(h.network(), "network");
        int[] sizes = require(n.sizes(), "network.sizes");
        if (sizes.length < 2 || sizes.length > 21) {
            throw refuse("network.sizes", "2 to 21 layer sizes", sizes.length + "");
        }
        long parameters = 0;
        for (int l = 0; l < sizes.length; l++) {
            range("network.sizes[" + l + "]", sizes[l], 1, SessionLoader.MAX_LAYER);
            parameters += l == 0 ? 0 : (long) sizes[l] * (sizes[l - 1] + 1);
        }
        if (parameters * 8 > SessionLoader.MAX_BARE_ARRAY_BYTES) { // a header may not make us allocate gigabytes
            throw new ShellError(where + ": network.sizes ask for " + parameters + " parameters, more than the "
                    + SessionLoader.MAX_BARE_ARRAY_BYTES / 8 + " a session may hold");
        }
        String act = require(n.activation(), "network.activation");
        require(n.init(), "network.init");
        if (act.equals("leaky-relu")) {
            double slope = require(n.slope(), "network.slope");
            if (!(slope >= 0 && slope < 1)) {
                throw refuse("network.slope", "a Leaky ReLU slope in [0, 1)", slope + "");
            }
        } else if (n.slope() != null) {
            throw refuse("network.slope", "null for " + Npy.printable(act), n.slope() + "");
        }
    }

    /**
     * A layered network's spec: only in version 2, its sizes its ends (inputs, classes), and
     * buildable over the saved data's images, with no more parameters than a session may hold.
     */
    private void spec() {
        SessionHeader.NetworkPart n = h.network();
        if (n.spec() == null) {
            return;
        }
        if (h.version() < 2) {
            throw refuse("network.spec", "no spec in a version-1 file (layered networks are version 2)",
                    "'" + Npy.printable(n.spec()) + "'");
        }
        if (n.sizes().length != 2) {
            throw refuse("network.sizes", "2 sizes, the inputs and classes, beside a spec", n.sizes().length + "");
        }
        layered = SessionLoader.layers(h, where);
        if (layered.parameterCount() * 8 > SessionLoader.MAX_BARE_ARRAY_BYTES) {
            throw new ShellError(where + ": network.spec asks for " + layered.parameterCount() + " parameters, more"
                    + " than the " + SessionLoader.MAX_BARE_ARRAY_BYTES / 8 + " a session may hold");
        }
    }

    private void training() {
        SessionHeader.TrainingPart t = require(h.training(), "training");
        range("training.updates", t.updates(), 0, Integer.MAX_VALUE);
        range("training.epoch", t.epoch(), 0, t.updates(), "(each epoch takes an update)");
        range("training.batchPosition", t.batchPosition(), 0, Integer.MAX_VALUE);
        require(t.optimizer(), "training.optimizer");
        range("training.optimizerUpdates", t.optimizerUpdates(), 0, t.updates(), "(the updates made)");
    }

    /** Each value through the checks {@code set} makes, so a file holds nothing {@code set} would refuse. */
    private Settings settings() {
        Map<String, String> saved = require(h.settings(), "settings");
        Settings s = Settings.defaults();
        for (Map.Entry<String, String> e : saved.entrySet()) {
            s = setting(s, "settings." + Npy.printable(e.getKey()), e.getKey(),
                    require(e.getValue(), "settings." + Npy.printable(e.getKey())));
        }
        String optimizer = h.training().optimizer();
        if (!optimizer.equals(s.optimizer())) {
            throw refuse("training.optimizer", "'" + s.optimizer() + "', as the settings say",
                    "'" + Npy.printable(optimizer) + "'");
        }
        return s;
    }

    /** {@code s} with {@code key} set to {@code value} as {@code set} would set it; {@code field} names it in a refusal. */
    private Settings setting(Settings s, String field, String key, String value) {
        try {
            return s.with(key, List.of(value.split(" ")));
        } catch (ShellError e) {
            throw new ShellError(where + ": " + field + ": " + Npy.escaped(e.getMessage().replaceFirst("^set \\S+: ", "")));
        }
    }

    private void changes() {
        List<SessionHeader.ChangePart> changes = require(h.changes(), "changes");
        int last = 0;
        for (int i = 0; i < changes.size(); i++) {
            String field = "changes[" + i + "]";
            SessionHeader.ChangePart c = require(changes.get(i), field);
            range(field + ".update", c.update(), last, h.training().updates(),
                    "(in order, up to the updates made)");
            String key = require(c.key(), field + ".key");
            if (!Settings.keys().contains(key)) {
                throw refuse(field + ".key", "one of " + String.join(", ", Settings.keys()), "'" + Npy.printable(key) + "'");
            }
            setting(Settings.defaults(), field + ".value", key, require(c.value(), field + ".value"));
            last = c.update();
        }
    }

    private void history() {
        SessionHeader.HistoryPart p = require(h.history(), "history");
        int n = require(p.update(), "history.update").length;
        int[] lengths = {require(p.epoch(), "history.epoch").length, require(p.loss(), "history.loss").length,
            require(p.trainAccuracy(), "history.trainAccuracy").length,
            require(p.testAccuracy(), "history.testAccuracy").length};
        if (Arrays.stream(lengths).anyMatch(k -> k != n)) {
            throw refuse("history", "columns of one length", "lengths " + n + " " + Arrays.toString(lengths));
        }
        for (int i = 0; i < n; i++) {
            range("history.update[" + i + "]", p.update()[i], i == 0 ? 1 : p.update()[i - 1] + 1L,
                    h.training().updates(), "(rising, up to the updates made)");
            range("history.epoch[" + i + "]", p.epoch()[i], i == 0 ? 0 : p.epoch()[i - 1], h.training().epoch(),
                    "(never falling, up to the epochs made)");
            if (!(p.loss()[i] >= 0)) {
                throw refuse("history.loss[" + i + "]", "a loss of 0 or more", p.loss()[i] + "");
            }
            share("history.trainAccuracy[" + i + "]", p.trainAccuracy()[i]);
            if (p.testAccuracy()[i] != null) {
                share("history.testAccuracy[" + i + "]", p.testAccuracy()[i]);
            }
        }
        validationHistory(p);
        marks(p);
    }

    /** The validation columns: all three or none (a file from before validation sets), each entry in range. */
    private void validationHistory(SessionHeader.HistoryPart p) {
        if (p.valUpdate() == null && p.valLoss() == null && p.valAccuracy() == null) {
            return;
        }
        int n = require(p.valUpdate(), "history.valUpdate").length;
        int[] lengths = {require(p.valLoss(), "history.valLoss").length,
            require(p.valAccuracy(), "history.valAccuracy").length};
        if (Arrays.stream(lengths).anyMatch(k -> k != n)) {
            throw refuse("history.valUpdate, valLoss, valAccuracy", "columns of one length",
                    "lengths " + n + " " + Arrays.toString(lengths));
        }
        for (int i = 0; i < n; i++) {
            range("history.valUpdate[" + i + "]", p.valUpdate()[i], i == 0 ? 1 : p.valUpdate()[i - 1] + 1L,
                    h.training().updates(), "(rising, up to the updates made)");
            if (!(p.valLoss()[i] >= 0)) {
                throw refuse("history.valLoss[" + i + "]", "a loss of 0 or more", p.valLoss()[i] + "");
            }
            share("history.valAccuracy[" + i + "]", p.valAccuracy()[i]);
        }
    }

    /** Marks (re-splits that held out images trained on): both columns or none, in order, with text. */
    private void marks(SessionHeader.HistoryPart p) {
        if (p.markUpdate() == null && p.markText() == null) {
            return;
        }
        int n = require(p.markUpdate(), "history.markUpdate").length;
        range("history.markText's length", require(p.markText(), "history.markText").length, n, n,
                "(history.markUpdate's)");
        for (int i = 0; i < n; i++) {
            range("history.markUpdate[" + i + "]", p.markUpdate()[i], i == 0 ? 0 : p.markUpdate()[i - 1],
                    h.training().updates(), "(in order, up to the updates made)");
            String text = require(p.markText()[i], "history.markText[" + i + "]");
            range("history.markText[" + i + "]'s length", text.length(), 1, 200);
        }
    }

    /** Absent in files saved before layer statistics were kept: then nothing to check. */
    private void layers() {
        SessionHeader.LayersPart p = h.layers();
        if (p == null) {
            return;
        }
        int n = require(p.update(), "layers.update").length;
        int tensors = 2 * SessionLoader.parameterLayers(h, layered);
        int hidden = layered != null ? 0 : h.network().sizes().length - 2;
        Double[][][] columns = {require(p.gradient(), "layers.gradient"), require(p.ratio(), "layers.ratio"),
            require(p.mean(), "layers.mean"), require(p.std(), "layers.std"), require(p.inactive(), "layers.inactive")};
        String[] names = {"gradient", "ratio", "mean", "std", "inactive"};
        for (int c = 0; c < columns.length; c++) {
            if (columns[c].length != n) {
                throw refuse("layers." + names[c], n + " rows (as layers.update)", columns[c].length + "");
            }
        }
        for (int i = 0; i < n; i++) {
            range("layers.update[" + i + "]", p.update()[i], i == 0 ? 1 : p.update()[i - 1] + 1L,
                    h.training().updates(), "(rising, up to the updates made)");
            for (int c = 0; c < columns.length; c++) {
                String field = "layers." + names[c] + "[" + i + "]";
                Double[] row = require(columns[c][i], field);
                range(field + "'s length", row.length, c < 2 ? tensors : hidden, c < 2 ? tensors : hidden,
                        c < 2 ? "(a value per tensor)" : "(a value per hidden layer)");
                for (int k = 0; k < row.length; k++) {
                    layerValue(field + "[" + k + "]", names[c], row[k]);
                }
            }
        }
    }

    /** null (not measured), or: a norm, ratio or deviation finite and 0 or more; a mean finite; a share 0..1. */
    private void layerValue(String field, String column, Double v) {
        if (v == null) {
            return;
        }
        switch (column) {
            case "mean" -> {
                if (!Double.isFinite(v)) {
                    throw refuse(field, "a finite number or null", v + "");
                }
            }
            case "inactive" -> share(field, v);
            default -> {
                if (!(v >= 0 && Double.isFinite(v))) {
                    throw refuse(field, "a finite number of 0 or more, or null", v + "");
                }
            }
        }
    }

    private void data() {
        SessionHeader.DataPart d = require(h.data(), "data");
        require(d.source(), "data.source");
        range("data.images", d.images(), 1, Integer.MAX_VALUE);
        range("data.rows", d.rows(), 1, SessionLoader.MAX_LAYER);
        range("data.cols", d.cols(), 1, SessionLoader.MAX_LAYER);
        if ((long) d.rows() * d.cols() != h.network().sizes()[0]) {
            throw refuse("data.rows, data.cols", "rows x cols = " + h.network().sizes()[0]
                    + ", the network's inputs", d.rows() + " x " + d.cols());
        }
        if (!require(d.sha256(), "data.sha256").matches("[0-9a-f]{64}")) {
            throw refuse("data.sha256", "64 hexadecimal digits", "'" + Npy.printable(d.sha256()) + "'");
        }
        SessionHeader.SplitPart s = require(d.split(), "data.split");
        range("data.split.test", s.test(), 0, d.images() - 1L, "(fewer than the images)");
        boolean three = s.val() != null || s.valIndices() != null || s.trainIndices() != null;
        int val = three ? require(s.val(), "data.split.val") : 0;
        range("data.split.val", val, 0, d.images() - 1L - s.test(), "(fewer than the images less the test images)");
        long train = d.images() - (long) s.test() - val;
        range("data.split.train", s.train(), train, train,
                val == 0 ? "(the images less the test images)" : "(the images less the test and validation images)");
        int[] test = require(s.testIndices(), "data.split.testIndices");
        range("data.split.testIndices' length", test.length, s.test(), s.test(), "(data.split.test)");
        distinct("data.split.testIndices", test, d.images());
        if (three) { // the three sets together: each index once, so they are disjoint and cover the images
            int[] valIndices = require(s.valIndices(), "data.split.valIndices");
            range("data.split.valIndices' length", valIndices.length, val, val, "(data.split.val)");
            int[] trainIndices = require(s.trainIndices(), "data.split.trainIndices");
            range("data.split.trainIndices' length", trainIndices.length, train, train, "(data.split.train)");
            distinct("data.split.valIndices", valIndices, d.images());
            distinct("data.split.trainIndices", trainIndices, d.images());
            boolean[] seen = new boolean[d.images()];
            for (int t : test) {
                seen[t] = true;
            }
            disjoint("data.split.valIndices", valIndices, seen, "testIndices");
            disjoint("data.split.trainIndices", trainIndices, seen, "test or validation indices");
        }
    }

    private void distinct(String field, int[] indices, int images) {
        int[] sorted = indices.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            if (sorted[i] < 0 || sorted[i] >= images || i > 0 && sorted[i] == sorted[i - 1]) {
                throw refuse(field, "distinct indices from 0 to " + (images - 1L)
                        + " (data.images less one)", sorted[i] < 0 || sorted[i] >= images
                        ? sorted[i] + "" : sorted[i] + " twice");
            }
        }
    }

    /** Refuses an index of {@code indices} already {@code seen} in another set; marks the rest as seen. */
    private void disjoint(String field, int[] indices, boolean[] seen, String other) {
        for (int i = 0; i < indices.length; i++) {
            if (seen[indices[i]]) {
                throw refuse(field + "[" + i + "]", "an index in none of the " + other, indices[i] + "");
            }
        }
        for (int index : indices) {
            seen[index] = true;
        }
    }

    private void summary() {
        SessionHeader.SummaryPart s = require(h.summary(), "summary");
        require(s.architecture(), "summary.architecture");
        range("summary.updates", s.updates(), h.training().updates(), h.training().updates(), "(training.updates)");
        share("summary.trainAccuracy", s.trainAccuracy());
        share("summary.testAccuracy", s.testAccuracy());
    }

    private void lists() {
        List<String> commands = require(h.commands(), "commands");
        for (int i = 0; i < commands.size(); i++) {
            require(commands.get(i), "commands[" + i + "]");
        }
        List<String> expected = SessionLoader.expectedArrays(h, layered);
        if (!expected.equals(require(h.arrays(), "arrays"))) {
            throw refuse("arrays", String.join(", ", expected) + " for this architecture and optimizer",
                    Npy.printable(String.join(", ", h.arrays().stream().map(String::valueOf).toList())));
        }
    }

    /** The best weights' part, when there is one: every value within what training can have made. */
    private void best(Settings settings) {
        SessionHeader.BestPart b = h.best();
        if (b == null) {
            return;
        }
        SessionHeader.TrainingPart t = h.training();
        range("best.update", b.update(), 1, t.updates(), "(up to the updates made)");
        String optimizer = require(b.optimizer(), "best.optimizer");
        if (!Optimizers.names().contains(optimizer)) {
            throw refuse("best.optimizer", "one of " + String.join(", ", Optimizers.names()),
                    "'" + Npy.printable(optimizer) + "'");
        }
        range("best.optimizerUpdates", b.optimizerUpdates(), 0, b.update(), "(best.update)");
        range("best.epoch", b.epoch(), 0, Math.min(b.update(), t.epoch()), "(each epoch takes an update)");
        range("best.batchPosition", b.batchPosition(), 0, Integer.MAX_VALUE);
        range("best.sinceBest", b.sinceBest(), 0, t.updates() - (long) b.update(), "(checks after best.update)");
        if (settings.bestMetric().endsWith("accuracy")) {
            share("best.metric", b.metric());
        } else if (!(b.metric() >= 0)) {
            throw refuse("best.metric", "a loss of 0 or more", b.metric() + "");
        }
    }

    private void share(String field, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw refuse(field, "a share from 0 to 1", value + "");
        }
    }

    private <T> T require(T value, String field) {
        if (value == null) {
            throw refuse(field, "a value", "null or nothing");
        }
        return value;
    }

    private void range(String field, long value, long min, long max) {
        range(field, value, min, max, "");
    }

    private void range(String field, long value, long min, long max, String why) {
        if (value < min || value > max) {
            throw refuse(field, (min == max ? "" + min : min + " to " + max) + (why.isEmpty() ? "" : " " + why),
                    value + "");
        }
    }

    private ShellError refuse(String field, String expected, String found) {
        return new ShellError(where + ": " + field + ": expected " + expected + ", found " + found);
    }
}
