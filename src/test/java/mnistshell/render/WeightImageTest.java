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
    void anAllZeroUnitIsBlank() {
        assertEquals(List.of("    "), WeightImage.lines(new double[2], 1, 2));
    }
}
