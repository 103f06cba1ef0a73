package mnistshell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WrapTest {

    @Test
    void aLineThatFitsIsLeftAsWritten() {
        assertEquals("  lr    0.1   learning rate", Wrap.line("  lr    0.1   learning rate", 30));
    }

    @Test
    void aTermLineContinuesUnderItsDescription() {
        // "  key  " is 7 columns: the description starts there; 16 columns hold 'one two', then 'three'
        // alone (with the number it would be 21), then the number whole
        assertEquals("  key  one two\n       three\n       1.5e+163",
                Wrap.line("  key  one two three 1.5e+163", 16));
    }

    @Test
    void aNumberIsNeverCut() {
        assertEquals("a\n12345678901234567890", Wrap.line("a 12345678901234567890", 10));
    }

    @Test
    void aParagraphIsReflowedAsOneText() {
        // the first line is 3 over: joined with the next and broken again within 12
        assertEquals("aaa bbb ccc\nddd eee", Wrap.block("aaa bbb ccc ddd\neee", 12));
        assertEquals("short\nlines stay", Wrap.block("short\nlines stay", 12));
    }
}
