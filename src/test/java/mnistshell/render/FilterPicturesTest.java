package mnistshell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import mnistshell.inspect.ConvFilters;
import org.junit.jupiter.api.Test;

/** Filters as text pictures: their characters by hand, the grid's size, and 80 columns whatever the layer. */
class FilterPicturesTest {

    /** {@code filters} of k x k on {@code channels}, slice (f, c) filled with {@code value(f, c, i)}. */
    static ConvFilters filters(int filters, int channels, int k, Value value) {
        double[][][] s = new double[filters][channels][k * k];
        for (int f = 0; f < filters; f++) {
            for (int c = 0; c < channels; c++) {
                for (int i = 0; i < k * k; i++) {
                    s[f][c][i] = value.at(f, c, i);
                }
            }
        }
        return new ConvFilters(1, 1, "conv" + filters + "k" + k, k, s);
    }

    interface Value {
        double at(int f, int c, int i);
    }

    @Test
    void aFilterIsDrawnInViewWeightsCharacters() {
        // 1 and -1 are the darkest of either sign, 0.5 half way (level round(0.5 * 4) = 2: '+'), 0 blank
        assertEquals(List.of("##%%", "++  "), FilterPictures.picture(new double[] {1, -1, 0.5, 0}, 2, 1));
    }

    @Test
    void eightFiveByFiveFiltersMakeTwoRowsOfPictures() {
        List<String> lines = FilterPictures.of(filters(8, 1, 5, (f, c, i) -> i == f ? 1 : -0.5), 80);
        assertEquals("W1 conv8k5 (layer 1): 8 filters of 5x5", lines.get(0));
        // each picture 10 wide: (80 + 2) / (10 + 2) = 6 a row, so 6 then 2; a row is 5 lines,
        // its captions and a blank line
        assertEquals(1 + 2 * (5 + 2) + 1, lines.size());
        // -0.5 of a largest 1: level round(0.5 * 4) = 2 on the negative ramp, '-'
        assertEquals("##" + "--".repeat(4), lines.get(1).substring(0, 10), "filter 0's largest weight is its first");
        assertEquals(6 * 10 + 5 * 2, lines.get(1).length());
        assertEquals(2 * 10 + 2, lines.get(8).length());
        assertTrue(lines.get(6).contains("5"), lines.get(6));
        assertTrue(lines.get(lines.size() - 1).startsWith("positive .+*#  negative ,-=%"));
        lines.forEach(l -> assertTrue(l.length() <= 80, l));
    }

    @Test
    void severalChannelsShowTheMeanAndSaySo() {
        // channel 0 all 1; channel 1 -1 on the top row, 1 below: the mean is 0 on top, 1 below
        ConvFilters f = filters(16, 2, 2, (ff, c, i) -> c == 0 || i >= 2 ? 1 : -1);
        List<String> lines = FilterPictures.of(f, 80);
        assertEquals("W1 conv16k2 (layer 1): 16 filters of 2x2 on 2 input channels", lines.get(0));
        assertEquals("  each drawn as the mean of its 2 slices, one per input channel", lines.get(1));
        assertEquals("", lines.get(2), "the top rows of every filter are 0: blank, trailing blanks cut");
        assertEquals("####", lines.get(3).substring(0, 4));
    }

    @Test
    void oneFiltersSlicesShareTheFiltersScale() {
        // channel 0 all 2, channel 1 all 1: on one scale channel 1 is half as dark ('+'), not '#'
        List<String> lines = FilterPictures.slices(filters(3, 2, 2, (f, c, i) -> c == 0 ? 2 : 1), 1, 80);
        assertEquals("W1 conv3k2 (layer 1), filter 1: a picture per input channel (2)", lines.get(0));
        assertEquals("####  ++++", lines.get(1));
        assertEquals("in 0  in 1", lines.get(3));
        assertTrue(lines.get(lines.size() - 1).endsWith("(one scale: darkest = |w| 2.00)"), lines.get(lines.size() - 1));
    }

    @Test
    void captionsWiderThanTheirPicturesWidenTheCellsAndEveryLineFits() {
        List<String> tiny = FilterPictures.of(filters(120, 1, 1, (f, c, i) -> f % 3 - 1), 80);
        // a 1x1 filter is 2 characters, its caption up to 3 ("119"): cells of 3, (80 + 2) / 5 = 16 a row;
        // the 16th (filter 15, -1: "%%") loses its padding blank at the end of the line
        assertEquals(16 * 3 + 15 * 2 - 1, tiny.get(1).length());
        assertTrue(tiny.get(tiny.size() - 3).endsWith("119"), "the last caption row, before a blank line and the legend");
        tiny.forEach(l -> assertTrue(l.length() <= 80, l));
        for (int k : new int[] {1, 3, 5, 7, 11, 28}) {
            FilterPictures.of(filters(64, 8, k, (f, c, i) -> Math.sin(f + c + i)), 80)
                    .forEach(l -> assertTrue(l.length() <= 80, k + ": " + l));
            FilterPictures.slices(filters(64, 32, k, (f, c, i) -> Math.sin(f + c + i)), 63, 80)
                    .forEach(l -> assertTrue(l.length() <= 80, k + ": " + l));
        }
    }
}
