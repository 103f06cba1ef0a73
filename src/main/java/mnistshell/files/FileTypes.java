package mnistshell.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Names what kind of thing a path is, for refusals: Java tells only "other" apart from files and directories. */
final class FileTypes {

    private static final int TYPE_BITS = 0170000;
    private static final int FIFO = 0010000;
    private static final int CHARACTER_DEVICE = 0020000;
    private static final int BLOCK_DEVICE = 0060000;
    private static final int SOCKET = 0140000;

    private FileTypes() {
    }

    /** "a FIFO (named pipe)", "a character device", ...; links followed, as reading follows them. */
    static String describe(Path path) {
        try {
            Object mode = Files.getAttribute(path, "unix:mode");
            if (mode instanceof Integer m) {
                return switch (m & TYPE_BITS) {
                    case FIFO -> "a FIFO (named pipe)";
                    case CHARACTER_DEVICE -> "a character device";
                    case BLOCK_DEVICE -> "a block device";
                    case SOCKET -> "a socket";
                    default -> "neither a regular file nor a directory";
                };
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // no unix view here: say what is known
        }
        return "neither a regular file nor a directory (a FIFO, device or socket)";
    }
}
