package mnistshell.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bare model name: ./models/ first, then the models/ beside the installation. */
class ModelPathsTest {

    @TempDir
    Path dir;

    @Test
    void aBareNameMissingHereIsTakenFromTheInstallation() throws IOException {
        Path here = Files.createDirectories(dir.resolve("work/models"));
        Path installed = Files.createDirectories(dir.resolve("install/models"));
        Files.write(installed.resolve("seed.npz"), new byte[0]);
        assertEquals(installed.resolve("seed.npz"), ModelPaths.forLoad("seed", here, installed));

        Files.write(here.resolve("seed.npz"), new byte[0]);
        assertEquals(here.resolve("seed.npz"), ModelPaths.forLoad("seed", here, installed), "./models/ comes first");
        assertEquals(here.resolve("none.npz"), ModelPaths.forLoad("none", here, installed),
                "a name found nowhere is reported where save would put it");
        assertEquals(Path.of("x/seed.npz"), ModelPaths.forLoad("x/seed", here, installed),
                "a path with a directory is taken as given");
    }

    @Test
    void theInstallationsModelsAreThoseOfThisCheckout() {
        // the classes run from target/ of the clone, whose models/ holds the shipped seed session
        assertTrue(Files.exists(ModelPaths.installed().resolve("seed.npz")), String.valueOf(ModelPaths.installed()));
    }
}
