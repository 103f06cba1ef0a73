package mnistshell.files;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * The one way the shell opens a file it reads (data, sessions, command files): only a regular file,
 * symbolic links followed, opened once. A FIFO, device or socket is refused from its type before
 * anything opens it, since opening a FIFO for reading waits for a writer. Missing, unreadable,
 * "is a directory" and "a part of the path is a file" each get their own reason.
 *
 * <p>Java cannot open with {@code O_NONBLOCK}, so a file swapped for a FIFO between the check and
 * the open would still block the open: a watcher lets Ctrl-C end that wait, and the opened file is
 * checked to be the very one examined (same file key, seekable as no FIFO or socket is).
 */
public final class ReadableFile {

    public enum Type { REGULAR, DIRECTORY }

    private static final int BUFFER = 1 << 16;
    private static final long WATCH_MILLIS = 20;

    private ReadableFile() {
    }

    /**
     * What {@code path} is, links followed: a regular file or a directory. Anything else, and a
     * path that cannot be reached, is refused; {@code kind} names what was expected ("command file").
     */
    public static Type examine(Path path, String kind) throws FileRefusal {
        BasicFileAttributes a = attributes(path, kind);
        if (a.isDirectory()) {
            return Type.DIRECTORY;
        }
        refuseUnlessRegular(path, a);
        return Type.REGULAR;
    }

    /**
     * Checks that {@code path} is a readable regular file, for readers that must open it by name
     * themselves (a {@link java.util.zip.ZipFile}); returns its attributes for {@link #unchanged}.
     */
    public static BasicFileAttributes check(Path path, String kind) throws FileRefusal {
        BasicFileAttributes a = attributes(path, kind);
        refuseDirectory(path, a, kind);
        refuseUnlessRegular(path, a);
        if (!Files.isReadable(path)) {
            throw new FileRefusal(path + ": permission denied");
        }
        return a;
    }

    /** Refuses {@code path} if it is no longer the file {@link #check} examined (swapped meanwhile). */
    public static void unchanged(Path path, BasicFileAttributes examined) throws FileRefusal {
        BasicFileAttributes now;
        try {
            now = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new FileRefusal(path + ": changed while it was being opened (" + e.getMessage() + ")");
        }
        if (!now.isRegularFile() || !Objects.equals(now.fileKey(), examined.fileKey())) {
            throw new FileRefusal(path + ": was replaced by another file while it was being opened");
        }
    }

    /**
     * Opens the regular file {@code path} once, buffered and with {@code mark} (format detection
     * looks at the first bytes through it). Every read checks {@code cancelled}: Ctrl-C ends a long
     * read with {@link ReadStopped}. The caller closes the stream.
     */
    public static InputStream open(Path path, String kind, BooleanSupplier cancelled) throws FileRefusal {
        FileChannel channel = channel(path, kind, cancelled);
        return new BufferedInputStream(new Stoppable(path, Channels.newInputStream(channel), cancelled), BUFFER);
    }

    /** As {@link #open}, as a channel for readers that seek (a zip's directory is at its end). */
    public static FileChannel channel(Path path, String kind, BooleanSupplier cancelled) throws FileRefusal {
        BasicFileAttributes before = attributes(path, kind);
        refuseDirectory(path, before, kind);
        refuseUnlessRegular(path, before);
        FileChannel channel = openWatched(path, cancelled);
        try {
            unchanged(path, before);
            channel.position(); // a FIFO or socket cannot seek: proof that the open reached a regular file
            if (cancelled.getAsBoolean()) {
                throw new ReadStopped(path + ": opening stopped by Ctrl-C");
            }
        } catch (FileRefusal | RuntimeException e) {
            closeQuietly(channel);
            throw e;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new FileRefusal(path + ": is not a regular file once opened (" + reason(e) + ")");
        }
        return channel;
    }

    /** The whole of the regular file {@code path}, refused when it holds more than {@code max} bytes. */
    public static byte[] readAll(Path path, String kind, long max, BooleanSupplier cancelled) throws FileRefusal {
        try (InputStream in = open(path, kind, cancelled)) {
            byte[] bytes = in.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 8));
            if (bytes.length > max) {
                throw new FileRefusal(path + ": larger than " + max + " bytes: too large for a " + kind);
            }
            return bytes;
        } catch (FileRefusal e) {
            throw e;
        } catch (IOException e) {
            throw new FileRefusal(path + ": cannot read: " + reason(e));
        }
    }

    /**
     * Opens for reading on this thread while a watcher waits for Ctrl-C: only a FIFO makes the open
     * wait, and opening its writing end (which succeeds at once, our open being its reader) ends it.
     */
    static FileChannel openWatched(Path path, BooleanSupplier cancelled) throws FileRefusal {
        AtomicBoolean opened = new AtomicBoolean();
        Thread watcher = new Thread(() -> endWaitOnCancel(path, opened, cancelled), "mnist-shell open watcher");
        watcher.setDaemon(true);
        watcher.start();
        try {
            return FileChannel.open(path, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new FileRefusal(path + ": " + (e instanceof AccessDeniedException ? "permission denied"
                    : e instanceof NoSuchFileException ? "was removed while it was being opened"
                    : "cannot open: " + reason(e)));
        } finally {
            opened.set(true);
        }
    }

    private static void endWaitOnCancel(Path path, AtomicBoolean opened, BooleanSupplier cancelled) {
        while (!opened.get()) {
            if (cancelled.getAsBoolean()) {
                if (Files.isReadable(path) && !Files.isRegularFile(path) && !Files.isDirectory(path)) {
                    try (FileChannel writer = FileChannel.open(path, StandardOpenOption.WRITE)) {
                        return; // the blocked open now returns, and sees the cancellation
                    } catch (IOException | RuntimeException e) {
                        return; // not a FIFO after all: nothing waits on it
                    }
                }
                return;
            }
            try {
                Thread.sleep(WATCH_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static BasicFileAttributes attributes(Path path, String kind) throws FileRefusal {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            Path fileInPath = fileInPath(path);
            throw new FileRefusal(path + ": " + (fileInPath == null ? "no such " + kind
                    : fileInPath + " is a file, not a directory"));
        } catch (AccessDeniedException e) {
            throw new FileRefusal(path + ": permission denied");
        } catch (FileSystemException e) {
            Path fileInPath = fileInPath(path);
            throw new FileRefusal(path + ": " + (fileInPath != null ? fileInPath + " is a file, not a directory"
                    : "cannot read: " + reason(e)));
        } catch (IOException e) {
            throw new FileRefusal(path + ": cannot read: " + reason(e));
        }
    }

    /** The first ancestor of {@code path} that exists but is not a directory, or null. */
    static Path fileInPath(Path path) {
        Path abs = path.toAbsolutePath();
        for (int i = 1; i < abs.getNameCount(); i++) {
            Path prefix = abs.getRoot().resolve(abs.subpath(0, i));
            if (Files.exists(prefix) && !Files.isDirectory(prefix)) {
                return path.isAbsolute() ? prefix : Path.of("").toAbsolutePath().relativize(prefix);
            }
        }
        return null;
    }

    private static void refuseDirectory(Path path, BasicFileAttributes a, String kind) throws FileRefusal {
        if (a.isDirectory()) {
            throw new FileRefusal(path + ": is a directory, not a " + kind);
        }
    }

    private static void refuseUnlessRegular(Path path, BasicFileAttributes a) throws FileRefusal {
        if (!a.isRegularFile()) {
            throw new FileRefusal(path + ": is " + FileTypes.describe(path) + ": only regular files are read");
        }
    }

    /** The operating system's reason, without the file names Java adds to it. */
    static String reason(IOException e) {
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // only read from: closing loses nothing
        }
    }

    /** Checks for Ctrl-C before every read, and counts the bytes for the message. */
    private static final class Stoppable extends FilterInputStream {
        private final Path path;
        private final BooleanSupplier cancelled;
        private long read;

        Stoppable(Path path, InputStream in, BooleanSupplier cancelled) {
            super(in);
            this.path = path;
            this.cancelled = cancelled;
        }

        @Override
        public int read() throws IOException {
            stopIfCancelled();
            int b = super.read();
            read += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            stopIfCancelled();
            int n = super.read(b, off, len);
            read += Math.max(n, 0);
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            stopIfCancelled();
            long skipped = super.skip(n);
            read += skipped;
            return skipped;
        }

        private void stopIfCancelled() {
            if (cancelled.getAsBoolean()) {
                throw new ReadStopped(path + ": reading stopped by Ctrl-C after " + read + " bytes");
            }
        }
    }
}
