package mnistshell.commands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import mnistshell.errors.ShellError;
import mnistshell.render.SafeText;
import mnistshell.session.Session;
import mnistshell.shell.Context;
import mnistshell.store.LoadedSession;
import mnistshell.store.SessionFile;
import mnistshell.store.SessionLoader;

/** {@code save --all DIR} and {@code load DIR}: every named run as DIR/NAME.npz, and back. */
final class RunFiles {

    private RunFiles() {
    }

    static void saveAll(Context ctx, Path dir) {
        Session s = ctx.session();
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
                SessionFile.save(s, ctx.shell().commandLog(), dir.resolve(name + ".npz"));
            }
        } finally {
            if (!current.equals(s.runName())) {
                s.switchTo(current);
            }
        }
        ctx.out().printf("saved %d runs to %s: %s%n", s.runNames().size(), SafeText.escape(dir.toString()),
                String.join(", ", s.runNames()));
    }

    /** Whether {@code dir} is a directory with .npz files in it: the runs save --all wrote. */
    static boolean holdsRuns(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> listed = Files.list(dir)) {
            return listed.anyMatch(p -> p.getFileName().toString().endsWith(".npz"));
        } catch (IOException e) {
            return false; // then refused by the one-file load, as a directory
        }
    }

    /** Reads every DIR/NAME.npz and checks it before any run changes; main (else the first) is current. */
    static void loadAll(Context ctx, Path dir) {
        List<Path> files;
        try (Stream<Path> listed = Files.list(dir)) {
            files = listed.filter(p -> p.getFileName().toString().endsWith(".npz")).sorted().toList();
        } catch (IOException e) {
            throw new ShellError(dir + ": cannot list: " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new ShellError(dir + ": no .npz files: expected the runs save --all DIR wrote");
        }
        Session s = ctx.session();
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
        List<String> notes = new ArrayList<>(first.notes());
        ctx.out().printf("loaded %d runs from %s: %s; on %s%n", loaded.size(), SafeText.escape(dir.toString()),
                String.join(", ", loaded.keySet()), current);
        for (String note : notes) {
            ctx.out().println(SafeText.escape("note: " + note));
        }
    }
}
