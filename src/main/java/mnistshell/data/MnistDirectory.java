package mnistshell.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import mnistshell.shell.ShellError;

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

    static Loaded load(Path dir) {
        List<Path> trainImages = new ArrayList<>();
        List<Path> trainLabels = new ArrayList<>();
        List<Path> testImages = new ArrayList<>();
        List<Path> testLabels = new ArrayList<>();
        for (Path file : idxFiles(dir)) {
            boolean images = DataFile.kind(file) == DataFile.Kind.IDX_IMAGES;
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.contains("t10k") || name.contains("test")) {
                (images ? testImages : testLabels).add(file);
            } else if (name.contains("train")) {
                (images ? trainImages : trainLabels).add(file);
            }
        }
        if (trainImages.size() != 1 || trainLabels.size() != 1 || testImages.size() != 1 || testLabels.size() != 1) {
            throw new ShellError(dir + ": expected " + EXPECTED + ", found " + found(trainImages, trainLabels,
                    testImages, testLabels));
        }
        Dataset train = IdxReader.read(trainImages.get(0), trainLabels.get(0), DatasetLoader.ROWS, DatasetLoader.COLS);
        Dataset test = IdxReader.read(testImages.get(0), testLabels.get(0), DatasetLoader.ROWS, DatasetLoader.COLS);
        Dataset both = new Dataset(dir.toString(), train.rows(), train.cols(),
                concat(train.pixels(), test.pixels()), concat(train.labels(), test.labels()));
        return Loaded.labelled(both, test.size(), "MNIST directory: train and the t10k test set");
    }

    /** The directory's regular files that are IDX files by content; anything else (a README) is passed over. */
    private static List<Path> idxFiles(Path dir) {
        List<Path> idx = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                if (Files.isRegularFile(file) && isIdx(file)) {
                    idx.add(file);
                }
            }
        } catch (IOException e) {
            throw new ShellError(dir + ": cannot list: " + e.getMessage());
        }
        return idx;
    }

    private static boolean isIdx(Path file) {
        try {
            return DataFile.kind(file) != DataFile.Kind.CSV;
        } catch (ShellError notData) {
            return false;
        }
    }

    private static String found(List<Path> trainImages, List<Path> trainLabels, List<Path> testImages,
            List<Path> testLabels) {
        return trainImages.size() + " training image file(s), " + trainLabels.size() + " training label file(s), "
                + testImages.size() + " test image file(s) and " + testLabels.size() + " test label file(s)";
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
