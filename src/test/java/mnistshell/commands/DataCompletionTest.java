package mnistshell.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.junit.jupiter.api.Test;

/** TAB after {@code data} and {@code predict}, through the command table's completer. */
class DataCompletionTest {

    @Test
    void subcommandsThenWhatEachTakes() {
        assertEquals(List.of("info", "load", "normalize", "split"), complete("data", ""));
        assertEquals(List.of("off", "on"), complete("data", "normalize", ""));
        assertEquals(List.of("--seed", "--test", "--val"), complete("data", "split", ""));
        assertEquals(List.of("--inside", "--out", "--png", "--saliency"), complete("predict", ""));
    }

    /** Candidates offered for the last of {@code words}, sorted. */
    private static List<String> complete(String... words) {
        ParsedLine line = mock(ParsedLine.class);
        when(line.words()).thenReturn(List.of(words));
        when(line.wordIndex()).thenReturn(words.length - 1);
        when(line.word()).thenReturn(words[words.length - 1]);
        List<Candidate> candidates = new ArrayList<>();
        new mnistshell.shell.ShellFixture(false).shell.completer().complete(mock(LineReader.class), line, candidates);
        return candidates.stream().map(Candidate::value).sorted().toList();
    }
}
