package mnistshell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import mnistshell.inspect.ConvFilters;
import org.junit.jupiter.api.Test;

/** The PNG picture of a conv layer's filters: its size and colours, worked out from the layout. */
class FilterGridImageTest {

    @Test
    void oneChannelFiltersEightToARow() {
        // filter 3 holds the largest weight, +2, at its first pixel; filter 5 the most negative, -2, at its last
        ConvFilters f = FilterPicturesTest.filters(10, 1, 5,
                (ff, c, i) -> ff == 3 && i == 0 ? 2 : ff == 5 && i == 24 ? -2 : 0.1);
        BufferedImage img = FilterGridImage.draw(f, 8);
        // 8 cells of 5 * 8 + 1 pixels and a last 1-pixel line across; two rows down; the scale adds 64
        int cell = 5 * 8 + 1;
        assertEquals(Math.max(8 * cell + 1, ColourScale.MIN_WIDTH), img.getWidth());
        assertEquals(2 * cell + 1 + ColourScale.HEIGHT, img.getHeight());
        assertEquals(0xFF0000, img.getRGB(1 + 3 * cell, 1) & 0xFFFFFF, "filter 3's first pixel: pure red");
        assertEquals(0x0000FF, img.getRGB(1 + 5 * cell + 4 * 8 + 7, 1 + 4 * 8 + 7) & 0xFFFFFF,
                "filter 5's last pixel: pure blue");
        assertEquals(0x808080, img.getRGB(0, 0) & 0xFFFFFF, "the grey line between cells");
    }

    @Test
    void severalChannelsARowPerFilterAColumnPerChannel() {
        // filter 2's slice on channel 1 is the only non-zero one
        ConvFilters f = FilterPicturesTest.filters(3, 4, 3, (ff, c, i) -> ff == 2 && c == 1 ? -1 : 0);
        BufferedImage img = FilterGridImage.draw(f);
        int zoom = 40 / 3; // 13
        int cell = 3 * zoom + 1;
        assertEquals(Math.max(4 * cell + 1, ColourScale.MIN_WIDTH), img.getWidth());
        assertEquals(3 * cell + 1 + ColourScale.HEIGHT, img.getHeight());
        assertEquals(0x0000FF, img.getRGB(1 + cell, 1 + 2 * cell) & 0xFFFFFF);
        assertEquals(0xFFFFFF, img.getRGB(1, 1 + 2 * cell) & 0xFFFFFF, "a zero weight is white");
    }
}
