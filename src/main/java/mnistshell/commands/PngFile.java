package mnistshell.commands;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import mnistshell.shell.ShellError;

/** Writes a picture as a PNG file, with Java's own imaging; what {@code weights --png} and {@code history --png} share. */
final class PngFile {

    private PngFile() {
    }

    /** Writes {@code image} to {@code file}; a file that cannot be written is a one-line error. */
    static void write(BufferedImage image, String file) {
        Path path = Path.of(file);
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw new ShellError(file + ": no such folder " + parent);
            }
            if (!ImageIO.write(image, "png", path.toFile())) {
                throw new ShellError(file + ": this Java has no PNG writer");
            }
        } catch (IOException e) {
            throw new ShellError(file + ": cannot write: " + e.getMessage());
        }
    }
}
