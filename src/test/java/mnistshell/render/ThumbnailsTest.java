package mnistshell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThumbnailsTest {

    @Test
    void picturesSitSideBySideWithCaptionsUnder() {
        List<List<String>> pictures = List.of(List.of("aaaa", "aaaa"), List.of("bbbb", "bbbb"), List.of("cccc", "cccc"));
        List<String> grid = Thumbnails.grid(pictures, List.of("u0", "u1", "u2"), 2);
        assertEquals(List.of(
                "aaaa  bbbb",
                "aaaa  bbbb",
                " u0    u1",
                "",
                "cccc",
                "cccc",
                " u2",
                ""), grid);
    }

    @Test
    void asManyFitAsTheWidthAllows() {
        assertEquals(2, Thumbnails.perRow(80, 28));
        assertEquals(3, Thumbnails.perRow(88, 28));
        assertEquals(1, Thumbnails.perRow(10, 28));
    }

    @Test
    void signedBarsGrowLeftForNegativeAndRightForPositive() {
        List<String> lines = SignedBars.lines(new double[] {-0.5, 1.0, 0.0}, 4);
        assertEquals(" 0 -0.500   ##|", lines.get(0));
        assertEquals(" 1 +1.000     |####", lines.get(1));
        assertEquals(" 2 +0.000     |", lines.get(2));
    }
}
