package mnistshell.files;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The one way the shell writes a file ({@code save}, {@code history --csv/--png}, {@code weights
 * --png}, {@code predict --out}): into a temporary file beside the target, every write checked,
 * forced to disk, renamed over the target in one step, then the directory forced too. A failure at
 * any point (a full disk, a directory that cannot be written) leaves the old file whole and no
 * temporary file behind, and is told in one line with the operating system's reason.
 *
 * <p>The target must be in a directory that exists (none is created here) and must not be a
 * symbolic link: the rename would replace the link, not the file it points to, and following it
 * would write wherever someone pointed it. A new file is {@code rw-r--r--}; a replaced one keeps
 * its permissions.
 */
public final class AtomicFile {

    /** Writes the content to a buffered stream; closing it (a wrapping writer may) only flushes. */
    public interface Body {
        void write(OutputStream out) throws IOException;
    }

    /** Writes text to a buffered writer, flushed after. */
    public interface Text {
        void write(Writer out) throws IOException;
    }

    private static final int BUFFER = 1 << 16;
    private static final Set<PosixFilePermission> SHAREABLE = PosixFilePermissions.fromString("rw-r--r--");

    private AtomicFile() {
    }

    /** Writes {@code text} to {@code target} in {@code charset}, as {@link #write} writes bytes. */
    public static void writeText(Path target, Charset charset, Text text) throws FileRefusal {
        write(target, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, charset.newEncoder()), BUFFER);
            text.write(w);
            w.flush();
        });
    }

    /** Writes {@code target} whole or not at all. */
    public static void write(Path target, Body body) throws FileRefusal {
        Path file = target.toAbsolutePath();
        Path dir = file.getParent();
        requireDirectory(target, dir);
        boolean existed = requireReplaceable(target, file);
        StaleTemporaries.remove(dir, file.getFileName().toString());
        Path temp = null;
        try {
            temp = StaleTemporaries.create(dir, file.getFileName().toString());
            permissions(temp, file, existed);
            writeAndForce(temp, body);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            temp = null;
            forceDirectory(dir);
        } catch (IOException e) {
            throw new FileRefusal(target + ": cannot write: " + reason(e)
                    + (existed ? "; the file there before is untouched" : ""));
        } finally {
            deleteQuietly(temp);
        }
    }

    private static void writeAndForce(Path temp, Body body) throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            BufferedOutputStream out = new BufferedOutputStream(new Unclosable(Channels.newOutputStream(channel)), BUFFER);
            body.write(out);
            out.flush();
            channel.force(true); // on disk before the rename makes it the file
        }
    }

    private static void requireDirectory(Path target, Path dir) throws FileRefusal {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path shown = target.getParent() == null ? dir : target.getParent();
        Path fileInPath = ReadableFile.fileInPath(dir.resolve("x"));
        if (fileInPath != null) {
            throw new FileRefusal(target + ": cannot write: " + shown + " is a file, not a directory");
        }
        throw new FileRefusal(target + ": cannot write: no such directory (create it first)");
    }

    /** Whether a file is there to be replaced; refuses a link, a directory, a FIFO or a device. */
    private static boolean requireReplaceable(Path target, Path file) throws FileRefusal {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return false; // nothing there: a new file
        }
        if (a.isSymbolicLink()) {
            throw new FileRefusal(target + ": is a symbolic link" + linkTarget(file)
                    + "; not written: give the path of the file itself");
        }
        if (a.isDirectory()) {
            throw new FileRefusal(target + ": is a directory; not written");
        }
        if (!a.isRegularFile()) {
            throw new FileRefusal(target + ": is " + FileTypes.describe(file) + "; only regular files are replaced");
        }
        return true;
    }

    private static String linkTarget(Path link) {
        try {
            return " (to " + Files.readSymbolicLink(link) + ")";
        } catch (IOException e) {
            return "";
        }
    }

    private static void permissions(Path temp, Path file, boolean existed) throws IOException {
        if (!temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Files.setPosixFilePermissions(temp, existed ? Files.getPosixFilePermissions(file) : SHAREABLE);
    }

    /**
     * Makes the rename itself durable. Some file systems refuse to force a directory; the file is in
     * place whole by then, so that refusal is not a failed write.
     */
    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // see above
        }
    }

    static String reason(IOException e) {
        if (e instanceof AccessDeniedException && ((FileSystemException) e).getReason() == null) {
            return "Permission denied";
        }
        return ReadableFile.reason(e);
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // left for the next write of this target to remove (StaleTemporaries)
        }
    }

    /** The body may wrap the stream in writers that close it; the channel is closed here. */
    private static final class Unclosable extends FilterOutputStream {
        Unclosable(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
