package mnistshell.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import mnistshell.shell.ShellError;

/**
 * {@code data load}: reads a file or directory into new objects, recognising the format from the
 * content. Nothing of the session is touched here, so a refused file leaves the old data as it was.
 *
 * <p>Accepted: an IDX image file with its label file (either order, raw or gzipped); a directory with
 * MNIST's four files ({@link MnistDirectory}); a CSV ({@link CsvReader}), gzipped or not, labelled
 * or not. Images must be {@value #ROWS}x{@value #COLS}: the network, the renderers and Kaggle's
 * formats all assume MNIST's size.
 */
public final class DatasetLoader {

    public static final int ROWS = 28;
    public static final int COLS = 28;

    private DatasetLoader() {
    }

    /** Loads {@code path}, with {@code labels} (or null) for an IDX image file. */
    public static Loaded load(Path path, Path labels) {
        Loaded loaded = read(path, labels);
        String format = " (" + loaded.format() + ")";
        if (loaded.isLabelled()) {
            Dataset d = loaded.data();
            return Loaded.labelled(new Dataset(d.source() + format, d.rows(), d.cols(), d.pixels(), d.labels()),
                    loaded.givenTest(), loaded.format());
        }
        UnlabelledSet u = loaded.unlabelled();
        return Loaded.unlabelled(new UnlabelledSet(u.source() + format, u.rows(), u.cols(), u.pixels()), loaded.format());
    }

    private static Loaded read(Path path, Path labels) {
        if (!Files.exists(path)) {
            throw new ShellError(path + ": no such file or directory");
        }
        if (Files.isDirectory(path)) {
            refuseSecond(labels, path + ": is a directory of MNIST files, which holds its labels; give no LABELS");
            return MnistDirectory.load(path);
        }
        DataFile.Kind kind = DataFile.kind(path);
        return switch (kind) {
            case CSV -> {
                refuseSecond(labels, path + ": a CSV holds its own labels (or has none); give no LABELS file");
                yield csv(path);
            }
            case IDX_IMAGES -> idxPair(path, labels);
            case IDX_LABELS -> idxPairGivenLabelsFirst(path, labels);
        };
    }

    private static Loaded csv(Path path) {
        CsvReader.Table t;
        try (InputStream in = DataFile.open(path)) {
            t = CsvReader.read(path.toString(), in, ROWS * COLS);
        } catch (IOException e) {
            throw DataFile.unreadable(path, e);
        }
        String format = "CSV" + (t.header() ? " with header" : " without header")
                + (t.labelled() ? "" : ", no labels") + (DataFile.gzipped(path) ? ", gzipped" : "");
        if (!t.labelled()) {
            return Loaded.unlabelled(new UnlabelledSet(path.toString(), ROWS, COLS, t.pixels()), format);
        }
        return Loaded.labelled(new Dataset(path.toString(), ROWS, COLS, t.pixels(), t.labels()), 0, format);
    }

    private static Loaded idxPair(Path images, Path labels) {
        if (labels == null) {
            throw new ShellError(images + ": is an IDX image file; give its label file too: data load IMAGES LABELS");
        }
        if (!Files.isRegularFile(labels)) {
            throw new ShellError(labels + (Files.exists(labels) ? ": is not a file" : ": no such file"));
        }
        DataFile.Kind kind = DataFile.kind(labels);
        if (kind != DataFile.Kind.IDX_LABELS) {
            throw new ShellError(labels + ": expected an IDX label file (magic 2049) to go with " + images
                    + ", found " + describe(kind));
        }
        Dataset d = IdxReader.read(images, labels, ROWS, COLS);
        String format = "IDX images and labels" + (DataFile.gzipped(images) ? ", gzipped" : "");
        return Loaded.labelled(d, 0, format);
    }

    /** Labels given first: fine when the second file is their images. */
    private static Loaded idxPairGivenLabelsFirst(Path labels, Path images) {
        if (images == null) {
            throw new ShellError(labels + ": is an IDX label file; give its image file too: data load IMAGES LABELS");
        }
        if (Files.isRegularFile(images) && DataFile.kind(images) == DataFile.Kind.IDX_IMAGES) {
            return idxPair(images, labels);
        }
        throw new ShellError(labels + ": is an IDX label file; expected " + images + " to be its IDX image file"
                + " (magic 2051)");
    }

    private static String describe(DataFile.Kind kind) {
        return switch (kind) {
            case CSV -> "a CSV";
            case IDX_IMAGES -> "an IDX image file (magic 2051)";
            case IDX_LABELS -> "an IDX label file (magic 2049)";
        };
    }

    private static void refuseSecond(Path second, String message) {
        if (second != null) {
            throw new ShellError(message);
        }
    }
}
