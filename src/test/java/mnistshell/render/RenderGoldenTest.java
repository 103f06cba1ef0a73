package mnistshell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import mnistshell.inspect.Confusion;
import org.junit.jupiter.api.Test;

/** Every text renderer on a tiny input, against text worked out by hand (see the comments). */
class RenderGoldenTest {

    @Test
    void tableAlignsNamesLeftAndNumbersRight() {
        String text = new Table("name", "n").row("a", "1").row("bbb", "22").render();
        // widths 4 and 2, two spaces between
        assertEquals("name   n\n"
                + "a      1\n"
                + "bbb   22\n", text);
    }

    @Test
    void barsAreEighthsOfACharacter() {
        String text = Bars.render(new String[] {"a", "bb"}, new double[] {0.5, 0.125}, new String[] {"", "x"}, 4);
        // 0.5 of 4 characters = 16 eighths = 2 full blocks; 0.125 of 4 = 4 eighths = one half block
        assertEquals("a  ██    50.0%\n"
                + "bb ▌     12.5% x\n", text);
        assertEquals("████", Bars.bar(1.5, 4), "clamped to the full width");
        assertEquals("    ", Bars.bar(Double.NaN, 4));
    }

    @Test
    void blockChartRisesFromMinimumToMaximumInEighths() {
        String text = BlockChart.render(new double[] {0, 1, 2, 3}, new int[] {2}, 10, 2, v -> String.valueOf((int) v));
        // shares 0, 1/3, 2/3, 1 of 16 eighths: 1 (the minimum still shows), 5, 11, 16
        assertEquals("3 ┤  ▃█\n"
                + "0 ┤▁▅██\n"
                + "  └──^─\n", text);
    }

    @Test
    void blockChartAveragesColumnsAndLeavesUnmeasuredOnesEmpty() {
        double nan = Double.NaN;
        String text = BlockChart.render(new double[] {1, nan, 3, 3, nan, nan}, new int[] {4}, 3, 1,
                v -> String.valueOf((int) v));
        // six values in three columns: {1, NaN} -> 1, {3, 3} -> 3, {NaN, NaN} -> empty; value 4 is in column 2
        assertEquals("3 ┤▁█\n"
                + "  └──^\n", text);
        assertEquals("(nothing measured yet)\n", BlockChart.render(new double[] {nan}, new int[0], 3, 1, String::valueOf));
    }

    @Test
    void unitPictureTellsPositiveFromNegative() {
        String text = UnitPicture.render(new double[] {0.4, -0.2, 0, -0.4}, 2, 2, 1, false);
        // scale 0.4: 0.4 -> level 4 '#', -0.2 -> level 2 '-', 0 -> blank, -0.4 -> level 4 '%'
        assertEquals("+----+\n"
                + "|##--|\n"
                + "|  %%|\n"
                + "+----+\n", text);
        // 2x2 blocks: the mean -0.05 is the largest |value| of the thumbnail, so full negative
        assertEquals("+--+\n|%%|\n+--+\n", UnitPicture.render(new double[] {0.4, -0.2, 0, -0.4}, 2, 2, 2, false));
        assertEquals("\u001b[31m##\u001b[0m", UnitPicture.pixel(0.4, 0.4, true));
        assertEquals("\u001b[34m--\u001b[0m", UnitPicture.pixel(-0.2, 0.4, true));
    }

    @Test
    void confusionTableHasRecallPrecisionAndPairs() {
        Confusion c = Confusion.of(new int[] {0, 0, 1, 1, 1}, new int[] {0, 1, 1, 1, 0}, 2);
        // counts [[1, 1], [1, 2]]: recall 1/2 and 2/3, precision 1/2 and 2/3; cells 3 wide ("50%")
        assertEquals("label        0    1  recall\n"
                + "0            1    1     50%\n"
                + "1            1    2     67%\n"
                + "precision  50%  67%\n"
                + "most confused: 0 as 1 (1), 1 as 0 (1)\n", ConfusionTable.render(c, 3));
    }

    @Test
    void matrixTextScalesByOnePowerOfTen() {
        String text = MatrixText.render(new double[][] {{0.001, -0.002}, {0.0005, 0}}, "r");
        // largest |value| 0.002: power -3, so 1, -2, 0.5, 0
        assertEquals("values x 1e-3\n"
                + "r0  1.000 -2.000\n"
                + "r1  0.500  0.000\n", text);
        assertEquals("r0  0.500\n", MatrixText.render(new double[][] {{0.5}}, "r"), "no power for everyday values");
    }

    @Test
    void briefNumbersKeepThreeSignificantDigits() {
        assertEquals("0", Numbers.brief(0));
        assertEquals("0.00123", Numbers.brief(0.00123));
        assertEquals("-0.346", Numbers.brief(-0.3456));
        assertEquals("12.3", Numbers.brief(12.34));
        assertEquals("1234", Numbers.brief(1234));
        assertEquals("1.5e-5", Numbers.brief(1.5e-5));
        assertEquals("-5.3e-18", Numbers.brief(-5.329e-18));
        assertEquals("1.2e4", Numbers.brief(12345));
        assertEquals("12.5%", Numbers.percent(0.125));
    }
}
