package mnistshell.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import mnistshell.data.CsvFixtures;
import mnistshell.data.Dataset;
import mnistshell.nn.TestData;
import mnistshell.errors.ShellError;
import mnistshell.shell.ShellFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names of files and words read from files reach the terminal with their control characters
 * escaped: a file called {@code ESC [ 2 J} and a newline must not clear the screen or forge a line.
 */
class OutsideTextIsEscapedTest {

    static final String HOSTILE = "evil\u001b[2J\nforged";
    static final String SHOWN = "evil\\e[2J\\nforged";

    @TempDir
    Path dir;

    final ShellFixture f = new ShellFixture(false);

    @BeforeEach
    void modelsInTheTemporaryDirectory() {
        f.shell.setModelsDirectory(dir.resolve("models"));
    }

    String run(String line) {
        return f.run(line);
    }

    /** A real 28x28 CSV under a hostile name, quoted on the command line as a user would. */
    Path hostileCsv(Dataset data) throws IOException {
        return Files.writeString(dir.resolve(HOSTILE + ".csv"), CsvFixtures.csv(data, data.size(), true, true, "\n"));
    }

    static void assertSafe(String text) {
        assertFalse(text.contains("\u001b"), "no ESC reaches the terminal: " + text);
        assertFalse(text.contains("[2J\n"), "no forged line: " + text);
    }

    @Test
    void aDataSourceNameIsEscapedInLoadAndInfo() throws IOException {
        Path csv = hostileCsv(TestData.random(40, 28, 28, 3));
        String loaded = run("data load '" + csv + "'");
        assertSafe(loaded);
        assertTrue(loaded.contains(SHOWN + ".csv"), loaded);
        String info = run("data info");
        assertSafe(info);
        assertTrue(info.lines().anyMatch(l -> l.startsWith("source: ") && l.contains(SHOWN)), info);
    }

    @Test
    void aRefusedFileNameIsEscapedInTheErrorLine() throws IOException {
        Path bad = Files.writeString(dir.resolve(HOSTILE + ".csv"), "label,pixel0\n1,2,3\n");
        ShellError e = assertThrows(ShellError.class, () -> run("data load '" + bad + "'"));
        f.reporter.report(e);
        assertSafe(f.err());
        assertTrue(f.err().contains(SHOWN), f.err());
        assertEquals(1, f.err().lines().count(), f.err());
    }

    @Test
    void echoInACommandFileShowsItsTextEscaped() throws IOException {
        Path file = Files.writeString(dir.resolve("hello.msh"), "echo 'a \u001b[2J b'\n");
        String shown = run("run '" + file + "'");
        assertSafe(shown);
        assertTrue(shown.contains("a \\e[2J b"), shown);
    }

    @Test
    void anUnknownCommandIsEchoedEscaped() {
        ShellError e = assertThrows(ShellError.class, () -> run("st\u001b[2Jep 1"));
        f.reporter.report(e);
        assertEquals("error: unknown command 'st\\e[2Jep' (did you mean 'step'?); type help for the list\n", f.err());
    }

    @Test
    void aSavedSessionsDataSourceAndFileNameAreEscapedByLoadAndModels() throws IOException {
        run("data load '" + hostileCsv(TestData.random(40, 28, 28, 3)) + "'");
        run("step 1; save '" + HOSTILE + "'");
        Path other = Files.writeString(dir.resolve("plain.csv"),
                CsvFixtures.csv(TestData.random(30, 28, 28, 4), 30, true, true, "\n"));
        run("data load " + other);
        String loaded = run("load '" + HOSTILE + "'");
        assertSafe(loaded);
        // lines wrapped to 80 columns continue indented: joined again, each note is one line
        String unwrapped = loaded.replaceAll("\n +", " ");
        assertTrue(unwrapped.lines().anyMatch(l -> l.startsWith("note: this session was trained on different data: ")
                && l.contains(SHOWN + ".csv")), loaded);
        assertTrue(loaded.startsWith("loaded " + dir.resolve("models") + "/" + SHOWN + ".npz: "), loaded);
        String models = run("models");
        assertSafe(models);
        assertTrue(models.contains(SHOWN + ".npz"), models);
    }

    @Test
    void anArchitectureReadFromASessionFileIsEscapedByModels() throws IOException {
        run("save plain");
        Path file = dir.resolve("models/plain.npz");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        }
        String json = new String(entries.get("session.json"), StandardCharsets.UTF_8);
        String hostile = json.replace("\"architecture\" : \"784-10-10\"",
                "\"architecture\" : \"\\u001b[2J\\nforged\"");
        assertTrue(!hostile.equals(json), "the summary names the architecture: " + json);
        entries.put("session.json", hostile.getBytes(StandardCharsets.UTF_8));
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        String models = run("models");
        assertSafe(models);
        assertTrue(models.contains("plain.npz                    \\e[2J\\nforged"), models);
    }
}
