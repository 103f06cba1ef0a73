package mnistshell.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The prompt driven through a JLine DumbTerminal on byte streams, and its Ctrl-C and Ctrl-D paths. */
class ReplTest {

    final ShellFixture f = new ShellFixture(true);

    @TempDir
    Path dir;

    private void type(String keys) throws IOException {
        ByteArrayInputStream in = new ByteArrayInputStream(keys.getBytes(StandardCharsets.UTF_8));
        try (Terminal terminal = new DumbTerminal("test", "dumb", in, new ByteArrayOutputStream(), StandardCharsets.UTF_8)) {
            new Repl(f.shell, terminal, dir.resolve("history"), f.reporter).run();
        }
    }

    @Test
    void typedLinesRunAndResultsReachStandardOutput() throws IOException {
        type("step 2\neval\n");
        assertTrue(f.out().contains("update 2 (epoch 2): loss"), f.out());
        assertTrue(f.out().matches("(?s).*train accuracy \\d+\\.\\d\\d%.*test accuracy \\d+\\.\\d\\d%.*"), f.out());
        assertEquals(2, f.session.iteration());
    }

    @Test
    void anErrorIsReportedAndThePromptGoesOn() throws IOException {
        type("stpe 3\neval\n");
        assertEquals("error: unknown command 'stpe' (did you mean 'step'?); type help for the list\n", f.err());
        assertTrue(f.out().contains("test accuracy"), "the line after the error still ran");
    }

    @Test
    void exitLeavesBeforeTheNextLine() throws IOException {
        type("exit\neval\n");
        assertFalse(f.out().contains("accuracy"));
    }

    @Test
    void historyIsKeptInTheFile() throws IOException {
        type("help eval\n");
        assertTrue(Files.readString(dir.resolve("history")).contains("help eval"));
    }

    @Test
    void ctrlCAtThePromptDropsTheLineAndAsksAgain() {
        LineReader reader = mock(LineReader.class);
        when(reader.readLine(anyString()))
                .thenThrow(new UserInterruptException("half typed"))
                .thenReturn("step 1")
                .thenThrow(new EndOfFileException());
        when(reader.getHistory()).thenReturn(mock(org.jline.reader.History.class));
        Terminal terminal = mock(Terminal.class);
        when(terminal.getType()).thenReturn("xterm");

        new Repl(f.shell, terminal, reader, f.reporter).run();

        assertEquals(1, f.session.iteration());
        assertEquals("", f.err());
    }

    @Test
    void ctrlDRunsAPartialLastLineThenLeaves() {
        LineReader reader = mock(LineReader.class);
        when(reader.readLine(anyString())).thenThrow(new EndOfFileException().partialLine("step 1"));
        when(reader.getHistory()).thenReturn(mock(org.jline.reader.History.class));
        Terminal terminal = mock(Terminal.class);
        when(terminal.getType()).thenReturn("xterm");

        new Repl(f.shell, terminal, reader, f.reporter).run();

        assertEquals(1, f.session.iteration());
    }

    @Test
    void ctrlCDuringACommandIsCaughtAndTheHandlerRestored() {
        LineReader reader = mock(LineReader.class);
        when(reader.readLine(anyString())).thenReturn("eval").thenThrow(new EndOfFileException());
        when(reader.getHistory()).thenReturn(mock(org.jline.reader.History.class));
        Terminal terminal = mock(Terminal.class);
        when(terminal.getType()).thenReturn("xterm");
        Terminal.SignalHandler previous = signal -> { };
        when(terminal.handle(eq(Terminal.Signal.INT), any())).thenReturn(previous);

        new Repl(f.shell, terminal, reader, f.reporter).run();

        verify(terminal).handle(Terminal.Signal.INT, previous);
    }

    @Test
    void tabCompletesCommandNamesAndFilePaths() throws IOException {
        Files.createFile(dir.resolve("seed.msh"));
        try (Terminal terminal = new DumbTerminal(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream())) {
            LineReader reader = Repl.lineReader(terminal, f.shell.completer(), null);
            assertTrue(complete(reader, "st").contains("step"));
            assertFalse(complete(reader, "st").contains("seed.msh"), "no file names for the command word");
            assertEquals(List.of(), complete(reader, "step "), "step takes no file");
            assertTrue(complete(reader, "help ev").contains("eval"));
            String prefix = dir + "/se";
            assertTrue(complete(reader, "run " + prefix).stream().anyMatch(c -> c.endsWith("seed.msh")),
                    complete(reader, "run " + prefix).toString());
        }
    }

    private static List<String> complete(LineReader reader, String line) {
        List<Candidate> candidates = new ArrayList<>();
        ((org.jline.reader.impl.LineReaderImpl) reader).getCompleter().complete(reader, new DefaultParser().parse(line, line.length(), org.jline.reader.Parser.ParseContext.COMPLETE), candidates);
        return candidates.stream().map(Candidate::value).toList();
    }
}
