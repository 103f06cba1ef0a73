package mnistshell.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Renderers stay pure text and commands stay testable without a terminal: Lanterna lives in one package. */
class OnlyPanelsImportLanternaTest {

    @Test
    void noOtherMainPackageImportsLanterna() throws IOException {
        Path main = Path.of("src/main/java/mnistshell");
        try (Stream<Path> files = Files.walk(main)) {
            List<String> offenders = files
                    .filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.getParent().endsWith("panel"))
                    .filter(p -> read(p).contains("import com.googlecode.lanterna"))
                    .map(Path::toString)
                    .toList();
            assertEquals(List.of(), offenders);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
