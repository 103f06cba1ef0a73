package mnistshell.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mnistshell.data.CsvFixtures;
import mnistshell.nn.TestData;
import mnistshell.shell.ScriptRunner;
import mnistshell.shell.ShellFixture;
import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TAB that knows where it is: a setting's values, an option's, the live network's tensors, the sets held. */
class ContextCompletionTest {

    @TempDir
    Path dir;

    final ShellFixture f = new ShellFixture(false);

    @Test
    void eachSettingOffersItsOwnValues() {
        assertEquals(List.of("fast", "java", "reference"), values("set", "engine", ""));
        assertEquals(List.of("adam", "gd", "momentum", "nesterov"), values("set", "optimizer", ""));
        assertEquals(List.of("off", "on"), values("set", "bail", ""));
        assertEquals(List.of(), values("set", "lr", ""), "a number has nothing to offer");
        assertTrue(values("set", "").containsAll(List.of("lr", "schedule", "echo")));
    }

    @Test
    void initOffersActivationsAfterActAndInitialisationsAfterInit() {
        assertEquals(List.of("leaky-relu", "relu", "sigmoid", "tanh"), values("init", "--act", ""));
        assertEquals(List.of("he", "uniform", "xavier"), values("init", "784-10-10", "--init", ""));
        assertTrue(values("init", "").contains("--act"));
    }

    @Test
    void tensorNamesComeFromTheLiveNetwork() {
        run("init 784-8-6-10");
        assertEquals(List.of("dW1", "dW2", "dW3", "db1", "db2", "db3"), values("grads", ""));
        assertTrue(values("weights", "").containsAll(List.of("W3", "b3", "--neuron")));
        run("init 784-10-10");
        assertEquals(List.of("dW1", "dW2", "db1", "db2"), values("grads", ""));
    }

    @Test
    void showOffersTheSetsThatExist() throws IOException {
        assertEquals(List.of("--wrong"), values("show", ""));
        f.session.drawn().add(new byte[784]);
        Path csv = Files.writeString(dir.resolve("test.csv"), CsvFixtures.csv(TestData.random(5, 28, 28, 2), 5,
                true, false, "\n"));
        run("data load " + csv);
        assertEquals(List.of("--wrong", "drawn:", "unlabelled:"), values("show", ""));
        assertFalse(candidates("show", "").get(1).complete(), "drawn: waits for its number");
    }

    @Test
    void loadOffersSavedNamesAndNpzPathsWithoutHeadings() throws IOException {
        Path models = Files.createDirectories(dir.resolve("models"));
        Files.write(models.resolve("mine.npz"), new byte[0]);
        Files.writeString(dir.resolve("notes.txt"), "not a session");
        Files.write(dir.resolve("other.npz"), new byte[0]);
        f.shell.setModelsDirectory(models);
        List<String> bare = values("load", "");
        assertTrue(bare.contains("mine"), bare.toString());
        List<String> typed = values("load", dir + "/");
        assertTrue(typed.containsAll(List.of(dir + "/models/", dir + "/other.npz")), typed.toString());
        assertFalse(typed.contains(dir + "/notes.txt"), typed.toString());
        for (Candidate c : candidates("load", dir + "/")) {
            assertNull(c.group(), c.value());
        }
    }

    private void run(String line) {
        new ScriptRunner(f.shell, () -> false).runInline(line);
    }

    private List<String> values(String... words) {
        return candidates(words).stream().map(Candidate::value).sorted().distinct().toList();
    }

    private List<Candidate> candidates(String... words) {
        ParsedLine line = mock(ParsedLine.class);
        String last = words[words.length - 1];
        when(line.words()).thenReturn(List.of(words));
        when(line.wordIndex()).thenReturn(words.length - 1);
        when(line.word()).thenReturn(last);
        when(line.wordCursor()).thenReturn(last.length());
        List<Candidate> out = new ArrayList<>();
        f.shell.completer().complete(mock(LineReader.class), line, out);
        return out;
    }
}
