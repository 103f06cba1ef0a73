package mnistshell.shell;

import mnistshell.errors.ShellError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void semicolonsSeparateCommandsAndSpacesWords() {
        assertEquals(List.of(List.of("step", "500"), List.of("eval")), CommandLine.parse("  step 500 ;eval;; "));
    }

    @Test
    void quotesKeepSpacesSemicolonsAndHashes() {
        assertEquals(List.of(List.of("run", "my file;#1.msh")), CommandLine.parse("run 'my file;#1.msh'"));
        assertEquals(List.of(List.of("run", "a b")), CommandLine.parse("run \"a b\""));
    }

    @Test
    void hashOutsideQuotesStartsAComment() {
        assertEquals(List.of(List.of("step", "3")), CommandLine.parse("step 3 # three ; eval"));
        assertEquals(List.of(), CommandLine.parse("# only a comment"));
    }

    @Test
    void anUnterminatedQuoteIsAnError() {
        assertThrows(ShellError.class, () -> CommandLine.parse("run 'oops"));
    }

    @Test
    void typosAreOneEditAway() {
        assertEquals(1, CommandTable.editDistance("stpe", "step"));
        assertEquals(1, CommandTable.editDistance("evl", "eval"));
    }
}
