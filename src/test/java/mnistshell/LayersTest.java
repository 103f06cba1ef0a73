package mnistshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The lower layers never reach up: what computes, reads and checks knows nothing of the shell that
 * drives it, the session it fills, the commands, the panels or the saved-session format. Each row:
 * a package, and the packages of mnistshell it may import ('-' for none).
 */
class LayersTest {

    @ParameterizedTest(name = "{0} imports only {1}")
    @CsvSource({
        "errors, -",
        "files, -",
        "memory, -",
        "data, errors files memory",
        "nn, errors data",
        "nn/layer, errors data nn",
        "train, errors data memory nn render",
        "inspect, errors data nn train",
        "render, errors data inspect",
    })
    void aLowerLayerImportsOnlyWhatIsBelowIt(String layer, String allowed) throws IOException {
        Set<String> may = Set.of(allowed.split(" "));
        Path dir = Path.of("src/main/java/mnistshell", layer);
        assertTrue(Files.isDirectory(dir), dir.toString());
        try (Stream<Path> files = Files.list(dir)) {
            // a subpackage (nn/layer) is a directory here, checked by a row of its own
            List<String> offenders = files.filter(Files::isRegularFile).flatMap(p -> lines(p)
                            .filter(l -> l.startsWith("import mnistshell.") || l.contains(" mnistshell."))
                            .flatMap(l -> Stream.of(l.split("[^A-Za-z0-9_.]+")))
                            .filter(w -> w.startsWith("mnistshell."))
                            .map(w -> w.split("\\.")[1])
                            .filter(pkg -> !pkg.equals(layer) && !may.contains(pkg) && Character.isLowerCase(pkg.charAt(0)))
                            .map(pkg -> p.getFileName() + " uses " + pkg))
                    .distinct().toList();
            assertEquals(List.of(), offenders);
        }
    }

    private static Stream<String> lines(Path p) {
        try {
            return Files.readAllLines(p).stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
