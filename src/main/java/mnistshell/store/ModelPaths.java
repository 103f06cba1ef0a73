package mnistshell.store;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where {@code save} and {@code load} look: a bare name ({@code seed}, {@code seed.npz}) lives in the
 * models directory; anything with a directory in it ({@code ./x.npz}, {@code /tmp/x}) is taken as
 * given. {@code .npz} is added when missing.
 */
public final class ModelPaths {

    private ModelPaths() {
    }

    public static Path forSave(String given, Path models) {
        Path p = Path.of(withExtension(given));
        return p.getParent() == null ? models.resolve(p) : p;
    }

    /**
     * As for save, except that a bare name that exists where it is typed is taken from there, and
     * one that is not in {@code models} is looked for in the models directory of the installation.
     */
    public static Path forLoad(String given, Path models) {
        return forLoad(given, models, installed());
    }

    public static Path forLoad(String given, Path models, Path installed) {
        Path asTyped = Path.of(given);
        if (Files.exists(asTyped) && !Files.isDirectory(asTyped)) { // a FIFO here is refused, not passed over
            return asTyped;
        }
        Path here = forSave(given, models);
        if (Path.of(given).getParent() != null || Files.exists(here) || installed == null) {
            return here;
        }
        Path there = installed.resolve(here.getFileName());
        return Files.exists(there) ? there : here;
    }

    /**
     * {@code models/} beside the installation: next to the jar, or one up from it (the jar is built
     * into {@code target/} of the clone, whose {@code models/} holds {@code seed.npz}); null if none.
     */
    public static Path installed() {
        try {
            Path code = Path.of(ModelPaths.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path dir = code.getParent(), up = dir == null ? null : dir.getParent(); dir != null; dir = up, up = null) {
                if (Files.isDirectory(dir.resolve("models"))) {
                    return dir.resolve("models").toAbsolutePath();
                }
            }
        } catch (java.net.URISyntaxException | RuntimeException e) {
            // no location to go by (an unusual class loader): bare names stay in ./models/
        }
        return null;
    }

    /** The saved sessions' bare names in {@code models} and the installation's, for TAB. */
    public static java.util.List<String> names(Path models) {
        java.util.TreeSet<String> names = new java.util.TreeSet<>();
        for (Path dir : new Path[] {models, installed()}) {
            if (dir == null || !Files.isDirectory(dir)) {
                continue;
            }
            try (java.util.stream.Stream<Path> files = Files.list(dir)) {
                files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".npz"))
                        .forEach(n -> names.add(n.substring(0, n.length() - 4)));
            } catch (java.io.IOException e) {
                // an unreadable directory offers nothing to complete
            }
        }
        return java.util.List.copyOf(names);
    }

    private static String withExtension(String name) {
        return name.endsWith(".npz") ? name : name + ".npz";
    }
}
