package mnistshell.session;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import mnistshell.data.Split;
import mnistshell.errors.ShellError;
import mnistshell.errors.Values;
import mnistshell.memory.Heap;
import mnistshell.train.Training;

/**
 * The named runs of one shell (issue 14): the current one, which commands work on, and the others
 * put aside by name. A run put aside lets its kernel threads go until it is current again.
 */
final class Runs {

    static final String FIRST = "main";
    private static final String NAME = "[A-Za-z0-9][A-Za-z0-9_.-]{0,23}";

    private final TreeMap<String, Run> others = new TreeMap<>();
    private String currentName = FIRST;
    private Run current;

    Runs(Run first) {
        current = first;
    }

    Run current() {
        return current;
    }

    String currentName() {
        return currentName;
    }

    /** Whether there are runs besides the current one. */
    boolean several() {
        return !others.isEmpty();
    }

    /** Every run's name, the current one included, in order. */
    List<String> names() {
        TreeSet<String> all = new TreeSet<>(others.keySet());
        all.add(currentName);
        return List.copyOf(all);
    }

    /** Every run, the current one included, in the order of their names. */
    List<Run> all() {
        List<Run> out = new ArrayList<>();
        for (String name : names()) {
            out.add(get(name));
        }
        return out;
    }

    /** What each run has trained on under {@code split}, by name. */
    Map<String, BitSet> trainedOn(Split split) {
        Map<String, BitSet> out = new LinkedHashMap<>();
        for (String name : names()) {
            out.put(name, get(name).trainedOn(split));
        }
        return out;
    }

    /**
     * After a new split or new data under kept networks: each run counts the held-out images of
     * {@code split} among those it trained on ({@code seen}, by name); its best weights, judged on
     * images that may not be held out now, are forgotten. Returns the warnings, by run.
     */
    Map<String, String> heldOutSeen(Map<String, BitSet> seen, Split split, String what) {
        Map<String, String> warnings = new LinkedHashMap<>();
        seen.forEach((name, images) -> {
            Run r = get(name);
            r.training.best().clear();
            String w = r.heldOutSeen(images, split, what);
            if (w != null) {
                warnings.put(name, w);
            }
        });
        return warnings;
    }

    /** The pixel scaling changed from {@code was} to {@code now}: the warnings of runs that trained on the other, by run. */
    Map<String, String> scalingChanged(boolean was, boolean now) {
        Map<String, String> warnings = new LinkedHashMap<>();
        for (String name : names()) {
            String w = get(name).scalingChanged(was, now);
            if (w != null) {
                warnings.put(name, w);
            }
        }
        return warnings;
    }

    /** Run {@code name}, the current one too; refused in one line when there is none. */
    Run get(String name) {
        if (name.equals(currentName)) {
            return current;
        }
        Run r = others.get(name);
        if (r == null) {
            throw new ShellError("no run '" + name + "' (runs: " + String.join(", ", names()) + ")");
        }
        return r;
    }

    /** The current run becomes {@code run} (a fresh network, or one loaded), under the same name. */
    void replaceCurrent(Run run) {
        current = run;
    }

    /** A copy of the current run as {@code name}, made current; the data and its split are shared, not copied. */
    void fork(String name) {
        if (!name.matches(NAME)) {
            throw new ShellError("fork: a run's name is 1 to 24 letters, digits, '_', '.' or '-', found "
                    + Values.shown(name));
        }
        if (names().contains(name)) {
            throw new ShellError("fork: there is already a run '" + name + "' (runs lists them)");
        }
        String shortfall = Heap.shortfall(Training.bytesNeeded(current.network, current.training.settings(), 0),
                "to fork " + current.network.architecture());
        if (shortfall != null) {
            throw new ShellError("fork " + name + ": " + shortfall + "; nothing changed");
        }
        Run copied = current.copy();
        stash();
        current = copied;
        currentName = name;
    }

    /** Makes run {@code name} current; the current one is kept as it is. */
    void switchTo(String name) {
        Run target = others.get(name);
        if (target == null) {
            throw new ShellError(name.equals(currentName) ? "switch: already on run '" + name + "'"
                    : "switch: no run '" + name + "' (runs: " + String.join(", ", names()) + ")");
        }
        stash();
        others.remove(name);
        current = target;
        currentName = name;
    }

    /** Forgets run {@code name}, which must not be the current one. */
    void drop(String name) {
        if (name.equals(currentName)) {
            throw new ShellError("drop: '" + name + "' is the current run: switch to another first");
        }
        Run gone = others.remove(name);
        if (gone == null) {
            throw new ShellError("drop: no run '" + name + "' (runs: " + String.join(", ", names()) + ")");
        }
        gone.training.close();
    }

    /** Every other run forgotten; the current one named {@code name}, and {@code extra} beside it. */
    void restore(String name, Map<String, Run> extra) {
        others.values().forEach(r -> r.training.close());
        others.clear();
        others.putAll(extra);
        currentName = name;
    }

    /** The current run put aside under its name; its kernel threads let go until it is current again. */
    private void stash() {
        current.training.close();
        others.put(currentName, current);
    }
}
