package mnistshell.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** files is a lower layer: data and store read and write through it, so it may import none of the shell. */
class FilesLayerTest {

    @Test
    void filesImportsNothingOfTheShell() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/java/mnistshell/files"))) {
            List<String> offenders = files
                    .filter(p -> lines(p).anyMatch(l -> l.startsWith("import mnistshell.")
                            && !l.startsWith("import mnistshell.files.")))
                    .map(Path::toString)
                    .toList();
            assertEquals(List.of(), offenders);
        }
    }

    private static Stream<String> lines(Path p) {
        try {
            return Files.readAllLines(p).stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
