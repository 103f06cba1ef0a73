package mnistshell.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import mnistshell.errors.ShellError;

/**
 * Reads a {@code .npz} defensively, from a channel its caller opened: the zip's layout must be
 * plain and whole ({@link ZipDirectory}), entries are few, no entry is read past the size its caller
 * allows, whatever the zip declares, so a damaged or hostile file (a zip bomb) is refused before it
 * can fill memory, and every entry read must have the CRC-32 the archive records for it, as numpy,
 * unzip and git check theirs. Every refusal names the file and the entry.
 */
public final class NpzReader {

    /** A session of ten layers has 20 parameters, 40 state arrays and session.json. */
    static final int MAX_ENTRIES = 100;

    private final Path file;
    private final SeekableByteChannel channel;
    private final Map<String, ZipDirectory.Entry> entries = new LinkedHashMap<>();

    public NpzReader(Path file, SeekableByteChannel channel) {
        this.file = file;
        this.channel = channel;
        try {
            ZipDirectory.read(file.toString(), channel, MAX_ENTRIES).forEach(e -> entries.put(e.name(), e));
        } catch (IOException e) {
            throw new ShellError(file + ": cannot read: " + e.getMessage());
        }
    }

    public Path file() {
        return file;
    }

    /** Entry names in the archive's order. */
    public List<String> names() {
        return Collections.unmodifiableList(new ArrayList<>(entries.keySet()));
    }

    public boolean has(String name) {
        return entries.containsKey(name);
    }

    /** The whole of entry {@code name}, refused if the zip declares more than {@code max} bytes. */
    public byte[] bytes(String name, long max) {
        ZipDirectory.Entry entry = entries.get(name);
        if (entry == null) {
            throw new ShellError(where(name) + ": missing: expected an entry of that name; found "
                    + String.join(", ", entries.keySet()));
        }
        if (entry.size() > max) {
            throw new ShellError(where(name) + ": declares " + entry.size() + " bytes, more than the " + max
                    + " allowed here: refused (a damaged or hostile file)");
        }
        byte[] content = content(entry);
        CRC32 crc = new CRC32();
        crc.update(content);
        if (crc.getValue() != entry.crc()) {
            throw new ShellError(where(name) + ": damaged: its bytes give CRC-32 " + hex(crc.getValue())
                    + ", expected " + hex(entry.crc()) + " as the archive records");
        }
        return content;
    }

    /** Entry {@code name} as a float64 array whose values take at most {@code maxBytes}. */
    public Npy.Array array(String name, long maxBytes) {
        return Npy.read(bytes(name, maxBytes + Npy.MAX_HEADER + 16), where(name), maxBytes);
    }

    private byte[] content(ZipDirectory.Entry e) {
        long size = e.size();
        if (e.method() == 0 && e.compressedSize() != size) {
            throw new ShellError(where(e.name()) + ": stored, yet " + e.compressedSize() + " bytes in the archive for "
                    + size + " of content: expected the same count");
        }
        if (e.compressedSize() > size + size / 256 + 1024) { // more than deflate ever adds
            throw new ShellError(where(e.name()) + ": " + e.compressedSize() + " compressed bytes for " + size
                    + " of content: refused (a damaged or hostile file)");
        }
        byte[] raw = new byte[(int) e.compressedSize()];
        try {
            ByteBuffer b = ByteBuffer.wrap(raw);
            channel.position(e.dataOffset());
            while (b.hasRemaining() && channel.read(b) >= 0) {
                // read on until full or at the end
            }
            if (b.hasRemaining()) {
                throw new ShellError(where(e.name()) + ": cut short: the file ends inside it");
            }
        } catch (IOException x) {
            throw new ShellError(where(e.name()) + ": cannot read (" + x.getMessage() + ")");
        }
        return e.method() == 0 ? raw : inflate(e, raw);
    }

    /** Exactly the declared size, from one whole deflate stream that fills the compressed bytes. */
    private byte[] inflate(ZipDirectory.Entry e, byte[] raw) {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(raw);
            byte[] out = new byte[(int) e.size()];
            int n = 0;
            while (n < out.length && !inflater.finished()) {
                int k = inflater.inflate(out, n, out.length - n);
                if (k == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                n += k;
            }
            if (n < out.length) {
                throw new ShellError(where(e.name()) + ": damaged: inflates to " + n + " bytes, expected the "
                        + out.length + " the archive records");
            }
            if (inflater.inflate(new byte[1]) > 0 || !inflater.finished() || inflater.getRemaining() > 0) {
                throw new ShellError(where(e.name()) + ": damaged: its compressed data does not end after the "
                        + out.length + " bytes the archive records");
            }
            return out;
        } catch (DataFormatException x) {
            throw new ShellError(where(e.name()) + ": damaged: not valid deflate data (" + x.getMessage() + ")");
        } finally {
            inflater.end();
        }
    }

    private static String hex(long crc) {
        return String.format("%08x", crc);
    }

    /** "models/x.npz: W1.npy", for messages. */
    public String where(String name) {
        return file + ": " + name;
    }
}
