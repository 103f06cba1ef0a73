package mnistshell.store;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import mnistshell.files.FileRefusal;
import mnistshell.files.ReadableFile;
import mnistshell.shell.ShellError;

/**
 * Reads a {@code .npz} defensively: the zip's central directory must be whole, entries are few, and
 * no entry is read past the size its caller allows, whatever the zip declares, so a damaged or
 * hostile file (a zip bomb) is refused before it can fill memory. Every refusal names the file and
 * the entry.
 */
public final class NpzReader implements Closeable {

    /** A session of ten layers has 20 parameters, 40 state arrays and session.json. */
    static final int MAX_ENTRIES = 100;

    private final Path file;
    private final ZipFile zip;
    private final List<String> names = new ArrayList<>();

    public NpzReader(Path file) {
        this.file = file;
        try {
            this.zip = open(file);
        } catch (FileRefusal e) {
            throw new ShellError(e.getMessage());
        } catch (ZipException e) {
            throw new ShellError(file + ": not a whole .npz (zip) archive (" + e.getMessage()
                    + "): is it truncated, or not a saved session?");
        } catch (IOException e) {
            throw new ShellError(file + ": cannot read: " + e.getMessage());
        }
        listEntries();
    }

    /**
     * The one place the archive's bytes come from: a regular file only ({@link ReadableFile}), so a
     * FIFO or device is refused before ZipFile, which opens by name, could wait on it.
     */
    private static ZipFile open(Path file) throws IOException {
        BasicFileAttributes examined = ReadableFile.check(file, "saved session");
        ZipFile zip = new ZipFile(file.toFile());
        try {
            ReadableFile.unchanged(file, examined);
        } catch (FileRefusal e) {
            zip.close();
            throw e;
        }
        return zip;
    }

    private void listEntries() {
        Enumeration<? extends ZipEntry> all = zip.entries();
        while (all.hasMoreElements()) {
            if (names.size() == MAX_ENTRIES) {
                close();
                throw new ShellError(file + ": more than " + MAX_ENTRIES + " entries: not a saved session");
            }
            names.add(all.nextElement().getName());
        }
    }

    public Path file() {
        return file;
    }

    /** Entry names in the archive's order. */
    public List<String> names() {
        return Collections.unmodifiableList(names);
    }

    public boolean has(String name) {
        return zip.getEntry(name) != null;
    }

    /** The whole of entry {@code name}, refused if the zip declares or delivers more than {@code max} bytes. */
    public byte[] bytes(String name, long max) {
        return read(name, max, in -> Npy.readAtMost(in, max, where(name)));
    }

    /** Entry {@code name} as a float64 array whose values take at most {@code maxBytes}. */
    public Npy.Array array(String name, long maxBytes) {
        return read(name, maxBytes + Npy.MAX_HEADER + 16, in -> Npy.read(in, where(name), maxBytes));
    }

    private interface Body<T> {
        T read(InputStream in) throws IOException;
    }

    private <T> T read(String name, long max, Body<T> body) {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new ShellError(where(name) + ": missing: expected an entry of that name; found "
                    + String.join(", ", names));
        }
        if (entry.getSize() > max) {
            throw new ShellError(where(name) + ": declares " + entry.getSize() + " bytes, more than the " + max
                    + " allowed here: refused (a damaged or hostile file)");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return body.read(in);
        } catch (ZipException e) {
            throw new ShellError(where(name) + ": damaged (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new ShellError(where(name) + ": cannot read (" + e.getMessage() + ")");
        }
    }

    /** "models/x.npz: W1.npy", for messages. */
    public String where(String name) {
        return file + ": " + name;
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException e) {
            // nothing was written: a failed close loses nothing
        }
    }
}
