package mnistshell.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import mnistshell.errors.ShellError;
import mnistshell.session.Session;

/** {@code save --all DIR} and {@code load DIR}: every named run as DIR/NAME.npz, and back. */
public final class RunFiles {

    private RunFiles() {
    }

    /** What {@code load DIR} brought back: the runs' names, the one now current, and the notes of its data check. */
    public record LoadedRuns(List<String> names, String current, List<String> notes) {
    }

    /** Saves every run of {@code s} as DIR/NAME.npz, each with {@code commands} as its log; the current run stays current. */
    public static void saveAll(Session s, List<String> commands, Path dir) {
        Path parent = dir.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir) && parent != null && !Files.isDirectory(parent)) {
            // DIR itself is made, as save makes its file; the directory it goes in must exist, as for every file written
            throw new ShellError(dir + ": cannot write: no such directory (create it first)");
        }
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectory(dir);
            }
        } catch (IOException e) {
            throw new ShellError(dir + ": cannot make the directory: " + e.getMessage());
        }
        String current = s.runName();
        try {
            for (String name : s.runNames()) {
                if (!name.equals(s.runName())) {
                    s.switchTo(name);
                }
                SessionFile.save(s, commands, dir.resolve(name + ".npz"));
            }
        } finally {
            if (!current.equals(s.runName())) {
                s.switchTo(current);
            }
        }
    }

    /** Whether {@code dir} is a directory with .npz files in it: the runs save --all wrote. */
    public static boolean holdsRuns(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> listed = Files.list(dir)) {
            return listed.anyMatch(p -> p.getFileName().toString().endsWith(".npz"));
        } catch (IOException e) {
            return false; // then refused by the one-file load, as a directory
        }
    }

    /**
     * Reads every DIR/NAME.npz and checks it before any run changes, then puts them in {@code s}
     * in place of its runs; main (else the first) is current.
     */
    public static LoadedRuns loadAll(Path dir, Session s) {
        List<Path> files;
        try (Stream<Path> listed = Files.list(dir)) {
            files = listed.filter(p -> p.getFileName().toString().endsWith(".npz")).sorted().toList();
        } catch (IOException e) {
            throw new ShellError(dir + ": cannot list: " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new ShellError(dir + ": no .npz files: expected the runs save --all DIR wrote");
        }
        Map<String, LoadedSession> loaded = new LinkedHashMap<>();
        for (Path f : files) {
            String name = f.getFileName().toString().replaceFirst("\\.npz$", "");
            if (!name.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,23}")) {
                throw new ShellError(f + ": not a run's name (1 to 24 letters, digits, '_', '.' or '-')");
            }
            loaded.put(name, SessionLoader.load(f, s));
        }
        String current = loaded.containsKey("main") ? "main" : loaded.keySet().iterator().next();
        LoadedSession first = loaded.get(current);
        Map<String, mnistshell.session.Run> extra = new LinkedHashMap<>();
        loaded.forEach((name, l) -> {
            if (!name.equals(current)) {
                extra.put(name, Session.runOf(l.network(), l.init(), l.seed(), l.training()));
            }
        });
        s.restore(first.network(), first.init(), first.seed(), first.training(), first.split());
        s.restoreRuns(current, extra);
        return new LoadedRuns(List.copyOf(loaded.keySet()), current, first.notes());
    }
}
