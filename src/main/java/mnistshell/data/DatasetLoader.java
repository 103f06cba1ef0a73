package mnistshell.data;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import mnistshell.files.FileRefusal;
import mnistshell.files.ReadStopped;
import mnistshell.files.ReadableFile;
import mnistshell.errors.ShellError;

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
        return load(path, labels, () -> false);
    }

    /**
     * As {@link #load(Path, Path)}; Ctrl-C ({@code cancelled}) stops the reading with a one-line
     * error, and since nothing was handed over yet, nothing changes.
     */
    public static Loaded load(Path path, Path labels, BooleanSupplier cancelled) {
        Loaded loaded;
        try {
            loaded = read(path, labels, cancelled);
        } catch (ReadStopped e) {
            throw new ShellError(e.getMessage() + "; nothing was loaded");
        }
        String format = " (" + loaded.format() + ")";
        if (loaded.isLabelled()) {
            Dataset d = loaded.data();
            return Loaded.labelled(new Dataset(d.source() + format, d.rows(), d.cols(), d.pixels(), d.labels()),
                    loaded.givenTest(), loaded.format());
        }
        UnlabelledSet u = loaded.unlabelled();
        return Loaded.unlabelled(new UnlabelledSet(u.source() + format, u.rows(), u.cols(), u.pixels()), loaded.format());
    }

    private static Loaded read(Path path, Path labels, BooleanSupplier cancelled) {
        if (examine(path) == ReadableFile.Type.DIRECTORY) {
            refuseSecond(labels, path + ": is a directory of MNIST files, which holds its labels; give no LABELS");
            return MnistDirectory.load(path, cancelled);
        }
        try (DataFile first = DataFile.open(path, cancelled)) {
            return switch (first.kind()) {
                case CSV -> {
                    refuseSecond(labels, path + ": a CSV holds its own labels (or has none); give no LABELS file");
                    yield csv(first);
                }
                case IDX_IMAGES -> idxPair(first, labels, cancelled);
                case IDX_LABELS -> idxPairGivenLabelsFirst(first, labels, cancelled);
            };
        }
    }

    private static ReadableFile.Type examine(Path path) {
        try {
            return ReadableFile.examine(path, "file or directory");
        } catch (FileRefusal e) {
            throw new ShellError(e.getMessage());
        }
    }

    private static Loaded csv(DataFile file) {
        String name = file.path().toString();
        CsvReader.Table t = CsvReader.read(name, file.content(), ROWS * COLS);
        String format = "CSV" + (t.header() ? " with header" : " without header")
                + (t.labelled() ? "" : ", no labels") + (file.gzipped() ? ", gzipped" : "");
        if (!t.labelled()) {
            return Loaded.unlabelled(new UnlabelledSet(name, ROWS, COLS, t.pixels()), format);
        }
        return Loaded.labelled(new Dataset(name, ROWS, COLS, t.pixels(), t.labels()), 0, format);
    }

    private static Loaded idxPair(DataFile images, Path labels, BooleanSupplier cancelled) {
        if (labels == null) {
            throw new ShellError(images.path() + ": is an IDX image file; give its label file too: data load IMAGES LABELS");
        }
        try (DataFile labelFile = DataFile.open(labels, cancelled)) {
            return idxPair(images, labelFile);
        }
    }

    private static Loaded idxPair(DataFile images, DataFile labels) {
        if (labels.kind() != DataFile.Kind.IDX_LABELS) {
            throw new ShellError(labels.path() + ": expected an IDX label file (magic 2049) to go with "
                    + images.path() + ", found " + describe(labels.kind()));
        }
        Dataset d = IdxReader.read(images.path().toString(), images.content(), labels.path().toString(),
                labels.content(), ROWS, COLS);
        String format = "IDX images and labels" + (images.gzipped() ? ", gzipped" : "");
        return Loaded.labelled(d, 0, format);
    }

    /** Labels given first: fine when the second file is their images. */
    private static Loaded idxPairGivenLabelsFirst(DataFile labels, Path images, BooleanSupplier cancelled) {
        if (images == null) {
            throw new ShellError(labels.path() + ": is an IDX label file; give its image file too: data load IMAGES LABELS");
        }
        try (DataFile imageFile = DataFile.open(images, cancelled)) {
            if (imageFile.kind() == DataFile.Kind.IDX_IMAGES) {
                return idxPair(imageFile, labels);
            }
        }
        throw new ShellError(labels.path() + ": is an IDX label file; expected " + images + " to be its IDX image file"
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
