package mnistshell.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import mnistshell.memory.Heap;
import mnistshell.errors.ShellError;

/**
 * A directory holding MNIST's four IDX files: training images and labels, and the official t10k
 * test images and labels, raw or gzipped. Images and labels are told apart by their magic numbers;
 * only training and test are told apart by name ({@code t10k} or {@code test} versus {@code train}),
 * since their content is alike. The result keeps the test set that came with the data.
 */
final class MnistDirectory {

    private static final String EXPECTED = "the four MNIST IDX files (train-images, train-labels,"
            + " t10k-images, t10k-labels; raw or gzipped)";

    private MnistDirectory() {
    }

    static Loaded load(Path dir, BooleanSupplier cancelled) {
        List<DataFile> opened = new ArrayList<>();
        try {
            List<DataFile> trainImages = new ArrayList<>();
            List<DataFile> trainLabels = new ArrayList<>();
            List<DataFile> testImages = new ArrayList<>();
            List<DataFile> testLabels = new ArrayList<>();
            for (DataFile file : idxFiles(dir, opened, cancelled)) {
                boolean images = file.kind() == DataFile.Kind.IDX_IMAGES;
                String name = file.path().getFileName().toString().toLowerCase(Locale.ROOT);
                if (name.contains("t10k") || name.contains("test")) {
                    (images ? testImages : testLabels).add(file);
                } else if (name.contains("train")) {
                    (images ? trainImages : trainLabels).add(file);
                }
            }
            if (trainImages.size() != 1 || trainLabels.size() != 1 || testImages.size() != 1
                    || testLabels.size() != 1) {
                throw new ShellError(dir + ": expected " + EXPECTED + ", found " + found(trainImages, trainLabels,
                        testImages, testLabels));
            }
            Dataset train = read(trainImages.get(0), trainLabels.get(0));
            Dataset test = read(testImages.get(0), testLabels.get(0));
            Dataset both = new Dataset(dir.toString(), train.rows(), train.cols(),
                    concat(train.pixels(), test.pixels()), concat(train.labels(), test.labels()));
            return Loaded.labelled(both, test.size(), "MNIST directory: train and the t10k test set");
        } finally {
            opened.forEach(DataFile::close);
        }
    }

    private static Dataset read(DataFile images, DataFile labels) {
        return IdxReader.read(images.path().toString(), images.content(), labels.path().toString(),
                labels.content(), DatasetLoader.ROWS, DatasetLoader.COLS);
    }

    /**
     * The directory's regular files that are IDX files by content, each opened once and kept open
     * (in {@code opened}) to be read; anything else (a README, a FIFO) is passed over.
     */
    private static List<DataFile> idxFiles(Path dir, List<DataFile> opened, BooleanSupplier cancelled) {
        List<DataFile> idx = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                DataFile data = openIfData(file, cancelled);
                if (data == null) {
                    continue;
                }
                if (data.kind() == DataFile.Kind.CSV) {
                    data.close();
                } else {
                    opened.add(data);
                    idx.add(data);
                }
            }
        } catch (IOException e) {
            throw new ShellError(dir + ": cannot list: " + e.getMessage());
        }
        return idx;
    }

    private static DataFile openIfData(Path file, BooleanSupplier cancelled) {
        try {
            return DataFile.open(file, cancelled);
        } catch (ShellError notData) {
            return null;
        }
    }

    private static String found(List<DataFile> trainImages, List<DataFile> trainLabels, List<DataFile> testImages,
            List<DataFile> testLabels) {
        return trainImages.size() + " training image file(s), " + trainLabels.size() + " training label file(s), "
                + testImages.size() + " test image file(s) and " + testLabels.size() + " test label file(s)";
    }

    private static byte[] concat(byte[] a, byte[] b) {
        String shortfall = Heap.shortfall((long) a.length + b.length, "to join the training and test images");
        if (shortfall != null) {
            throw new ShellError("MNIST directory: " + shortfall);
        }
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
