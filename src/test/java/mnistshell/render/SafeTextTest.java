package mnistshell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** Outside text printed safely: controls escaped, everything else as it is. */
class SafeTextTest {

    @Test
    void controlCharactersAreEscapedAndUnicodeIsKept() {
        assertEquals("a\\e[2Jb\\nc\\rd\\te", SafeText.escape("a\u001b[2Jb\nc\rd\te"));
        assertEquals("\\x00\\x07\\x7f\\x9b\\x85", SafeText.escape("\u0000\u0007\u007f\u009b\u0085"));
        assertEquals("zéro ünf 中文 ½ \\ ok", SafeText.escape("zéro ünf 中文 ½ \\ ok"));
        String plain = "data/train.csv";
        assertSame(plain, SafeText.escape(plain), "nothing to escape: the same string");
    }
}
