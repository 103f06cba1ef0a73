package mnistshell.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import mnistshell.shell.ShellFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** save, load and models as a user types them, with the models directory in a temporary folder. */
class SessionCommandsTest {

    final ShellFixture f = new ShellFixture(false);

    @TempDir
    Path models;

    void run(String line) {
        f.shell.setModelsDirectory(models);
        f.shell.execute(line, () -> false);
    }

    @Test
    void saveWithoutAPathNamesTheFileAfterTheSessionInModels() {
        run("set optimizer momentum; step 2; save");
        assertTrue(Files.isRegularFile(models.resolve("784-10-10-momentum-u2.npz")), f.out());
        run("save mine");
        assertTrue(Files.isRegularFile(models.resolve("mine.npz")));
    }

    @Test
    void modelsListsArchitectureUpdatesAndTestAccuracy() {
        run("step 3; save three; init 784-7-10; save fresh");
        f.outBytes.reset();
        run("models");
        String accuracy = String.format("%.2f%%", 0.0 + 100 * f.session.evaluateTest().accuracy());
        List<String> lines = f.out().lines().toList();
        assertEquals(3, lines.size(), f.out());
        assertTrue(lines.get(1).matches("fresh\\.npz +784-7-10 +0 +" + java.util.regex.Pattern.quote(accuracy)), lines.get(1));
        assertTrue(lines.get(2).matches("three\\.npz +784-10-10 +3 +\\d+\\.\\d\\d%"), lines.get(2));
    }

    @Test
    void loadByBareNameRestoresTheSessionAndItsCommands() {
        run("set lr 0.3; step 2; save two; step 5; init 784-9-10");
        run("load two");
        assertEquals(2, f.session.iteration());
        assertEquals("784-10-10", f.session.network().architecture());
        assertEquals("0.3", f.session.training().settings().value("lr"));
        assertEquals(List.of("set lr 0.3", "step 2", "load two"), f.shell.commandLog());
        assertTrue(f.out().contains("loaded " + models.resolve("two.npz") + ": 784-10-10"), f.out());
    }
}
