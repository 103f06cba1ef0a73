package mnistshell.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import mnistshell.errors.ShellError;
import mnistshell.shell.ShellFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session saved at update 3 (adam, batch 32) and then trained on to update 5 with lr 0.5: the
 * session a refused {@code load} must leave exactly as it was.
 */
abstract class RefusalFixture {

    final ShellFixture f = new ShellFixture(false);

    @TempDir
    Path dir;
    Path good;
    Map<String, byte[]> entries;

    @BeforeEach
    void saveAGoodSession() throws IOException {
        run("set optimizer adam; set batch 32; step 3");
        good = dir.resolve("good.npz");
        run("save " + good);
        entries = NpzFixtures.entries(good);
        run("set lr 0.5; step 2"); // the session to keep: update 5, lr 0.5
    }

    void run(String line) {
        f.shell.execute(line, () -> false);
    }

    /** Loads a copy of the good file changed by {@code change}; asserts refusal, one line, nothing changed. */
    String refused(String name, Consumer<Map<String, byte[]>> change) throws IOException {
        Map<String, byte[]> bad = new LinkedHashMap<>(entries);
        change.accept(bad);
        return refusedFile(NpzFixtures.write(dir.resolve(name), bad));
    }

    String refusedFile(Path file) {
        String before = snapshot();
        ShellError e = assertThrows(ShellError.class, () -> run("load " + file));
        assertEquals(before, snapshot(), "the session changed");
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        return e.getMessage();
    }

    /** Everything load could change: weights, optimizer state, counters, settings, history, command log. */
    String snapshot() {
        StringBuilder s = new StringBuilder();
        f.session.network().tensors().forEach(t -> s.append(Arrays.deepToString(t.values())));
        f.session.training().optimizer().state().forEach(a -> s.append(Arrays.deepToString(a)));
        s.append(f.session.iteration()).append(' ').append(f.session.training().epoch()).append(' ')
                .append(f.session.training().order().position()).append(' ')
                .append(f.session.training().optimizer().updates()).append(f.session.training().settings().asMap())
                .append(f.session.training().history().points()).append(f.session.training().history().changes())
                .append(f.shell.commandLog()).append(f.session.network().architecture());
        return s.toString();
    }

    /** The message names the file, then the entry (and field), then says what was expected. */
    static void assertNames(String message, Path file, String entry, String expected) {
        assertTrue(message.startsWith(file + ": " + entry + ": ") && message.contains(expected), message);
    }
}
