package mnistshell.errors;

import mnistshell.errors.Values;
import mnistshell.errors.ShellError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The one parse of typed numbers: each refusal names the argument, the range and what was typed. */
class ValuesTest {

    @Test
    void integersAreHeldToTheirWholeRangeEvenPastALong() {
        assertEquals(7, Values.intIn("N", "7", 1, 10));
        assertEquals(1000, Values.intIn("N", "1_000", 1, 1000));
        assertEquals(1000, Values.intIn("N", "1,000", 1, 1000));
        assertEquals(Integer.MAX_VALUE, Values.intIn("N", "2147483647", 1, Integer.MAX_VALUE));
        assertEquals(Long.MIN_VALUE, Values.longIn("S", "-9223372036854775808", Long.MIN_VALUE, Long.MAX_VALUE));
        assertEquals("N must be an integer from 1 to 2147483647, found '2147483648'",
                refused(() -> Values.intIn("N", "2147483648", 1, Integer.MAX_VALUE)));
        assertEquals("S must be an integer from 0 to 9223372036854775807, found '9223372036854775808'",
                refused(() -> Values.longIn("S", "9223372036854775808", 0, Long.MAX_VALUE)));
        for (String bad : new String[] {"", "1.5", "1e3", "0x10", "ten", " 3", "--1"}) {
            refused(() -> Values.intIn("N", bad, 0, 100));
        }
    }

    @Test
    void oneRuleForCountsGroupedInThreesOrInScientificNotation() {
        assertEquals(1000, Values.intIn("N", "1e3", 1, 100000));
        assertEquals(25000, Values.intIn("N", "2.5e4", 1, 100000));
        assertEquals(1234567, Values.intIn("N", "1,234,567", 1, Integer.MAX_VALUE));
        for (String bad : new String[] {"1,0", "10,00", "1,0000", ",100", "1e-3", "2.5e0", "1e", "1,000.5"}) {
            assertEquals("N must be an integer from 0 to 100000, found '" + bad + "'",
                    refused(() -> Values.intIn("N", bad, 0, 100000)));
        }
    }

    @Test
    void numbersAreFiniteDecimalsInsideTheirInterval() {
        assertEquals(0.001, Values.number("lr", "1e-3", Values.Range.above(0)));
        assertEquals(0.5, Values.number("lr", ".5", Values.Range.above(0)));
        assertEquals(0, Values.number("l2", "0", Values.Range.atLeast(0)));
        assertEquals("lr must be a number greater than 0, found '0'",
                refused(() -> Values.number("lr", "0", Values.Range.above(0))));
        assertEquals("m must be a number in [0, 1), found '1'",
                refused(() -> Values.number("m", "1", Values.Range.fromUpTo(0, 1))));
        assertEquals(1.0, Values.number("f", "1", Values.Range.aboveUpTo(0, 1)));
        // NaN and infinity by name or by overflow, hexadecimal, and Java's type suffixes are no numbers
        for (String bad : new String[] {"nan", "NaN", "inf", "Infinity", "-Infinity", "1e400", "0x1p3", "1d", "2f"}) {
            assertEquals("x must be a number (any finite one), found '" + bad + "'",
                    refused(() -> Values.number("x", bad, Values.Range.any())));
        }
    }

    @Test
    void aRefusedWordIsShownShortAndEscapedWhereTheErrorIsPrinted() {
        String long40 = "1234567890".repeat(4);
        assertEquals("N must be an integer from 1 to 9, found '123456789012345678901234...'",
                refused(() -> Values.intIn("N", long40, 1, 9)));
        ShellError e = assertThrows(ShellError.class, () -> Values.intIn("N", "\u001b[2J\n", 1, 9));
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        new mnistshell.shell.ErrorReporter(new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8),
                false).report(e);
        assertEquals("error: N must be an integer from 1 to 9, found '\\e[2J\\n'\n",
                bytes.toString(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String refused(org.junit.jupiter.api.function.Executable parse) {
        return assertThrows(ShellError.class, parse).getMessage();
    }
}
