package mnistshell.commands;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where {@code save} and {@code load} look: a bare name ({@code seed}, {@code seed.npz}) lives in the
 * models directory; anything with a directory in it ({@code ./x.npz}, {@code /tmp/x}) is taken as
 * given. {@code .npz} is added when missing.
 */
final class ModelPaths {

    private ModelPaths() {
    }

    static Path forSave(String given, Path models) {
        Path p = Path.of(withExtension(given));
        return p.getParent() == null ? models.resolve(p) : p;
    }

    /** As for save, except that a bare name that exists where it is typed is taken from there. */
    static Path forLoad(String given, Path models) {
        Path asTyped = Path.of(given);
        if (Files.exists(asTyped) && !Files.isDirectory(asTyped)) { // a FIFO here is refused, not passed over
            return asTyped;
        }
        return forSave(given, models);
    }

    private static String withExtension(String name) {
        return name.endsWith(".npz") ? name : name + ".npz";
    }
}
