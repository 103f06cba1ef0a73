package mnistshell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Weights to characters: the sign tells which ramp, |w| against the unit's largest |w| how far along. */
class WeightImageTest {

    @Test
    void positiveAndNegativeWeightsAreToldApart() {
        double[] w = {2.0, -2.0, 0.0, 1.0, -1.0, 0.1};
        List<String> lines = WeightImage.lines(w, 2, 3);
        assertEquals("##%%  ", lines.get(0), "the largest weights of either sign take the densest characters");
        char half = lines.get(1).charAt(0);
        char negativeHalf = lines.get(1).charAt(2);
        assertNotEquals(half, negativeHalf);
        assertFalse(WeightImage.isNegative(half));
        assertTrue(WeightImage.isNegative(negativeHalf));
        assertEquals(' ', lines.get(1).charAt(4), "under an eighth of the largest |w| stays blank");
        assertFalse(WeightImage.isNegative(' '));
    }

    @Test
    void thumbnailsHalveATwentyEightPictureToFourteen() {
        double[] w = new double[28 * 28];
        w[5 * 28 + 7] = 1.0;   // falls in block (2, 3)
        w[6 * 28 + 7] = -1.0;  // falls in block (3, 3)
        List<String> thumb = WeightImage.fitted(w, 28, 28, WeightImage.THUMBNAIL_ROWS);
        assertEquals(14, thumb.size());
        assertEquals(28, thumb.get(0).length());
        assertEquals('#', thumb.get(2).charAt(6));
        assertEquals('%', thumb.get(3).charAt(7));
        assertEquals(28, WeightImage.fitted(w, 28, 28, 28).size(), "a picture that fits is not halved");
    }

    @Test
    void aSmallPictureShadesTheMeanOfEachOfTheDigitsBlocks() {
        // 4 rows x 3 columns; step 1 makes blocks of 1 column by 2 rows: 2 lines of 3 characters
        double[] w = {
            4, -1, 0,
            0, -1, 0,
            1, 0, 0,
            0, 0, -0.5,
        };
        // block means: (2, -1, 0) over (0.5, 0, -0.25); the largest |mean| is 2
        assertEquals(List.of("#- ", ". ,"), WeightImage.small(w, 4, 3, 1));
        // step 2: one block of columns 0-1 and rows 0-3, mean 3/8, and one of column 2, mean -1/8 (a third of it: one step)
        assertEquals(List.of("#,"), WeightImage.small(w, 4, 3, 2));
        assertEquals(AsciiDigit.small(new int[28 * 28], 28, 28, 2).size(), WeightImage.small(new double[28 * 28], 28, 28, 2).size(),
                "as many lines as the digit's small picture");
    }

    @Test
    void anAllZeroUnitIsBlank() {
        assertEquals(List.of("    "), WeightImage.lines(new double[2], 1, 2));
    }
}
