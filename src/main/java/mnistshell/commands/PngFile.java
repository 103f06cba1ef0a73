package mnistshell.commands;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import mnistshell.files.AtomicFile;
import mnistshell.files.FileRefusal;
import mnistshell.errors.ShellError;

/** Writes a picture as a PNG file, with Java's own imaging; what {@code weights --png} and {@code history --png} share. */
final class PngFile {

    private PngFile() {
    }

    /** Writes {@code image} to {@code file} through the one atomic writer; a refusal is a one-line error. */
    static void write(BufferedImage image, String file) {
        ImageIO.setUseCache(false); // else ImageIO stages the picture in a file of its own in java.io.tmpdir
        try {
            AtomicFile.write(Path.of(file), out -> {
                if (!ImageIO.write(image, "png", out)) {
                    throw new IOException("this Java has no PNG writer");
                }
            });
        } catch (FileRefusal e) {
            throw new ShellError(e.getMessage());
        }
    }
}
