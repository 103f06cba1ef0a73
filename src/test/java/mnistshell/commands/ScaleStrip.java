package mnistshell.commands;

import java.awt.image.BufferedImage;

/** Where a picture's colour scale shows, read from the picture: the columns of its bluest and reddest pixels. */
final class ScaleStrip {

    private ScaleStrip() {
    }

    /**
     * Below row {@code top}: the x of the first pixel that is all but pure blue and of the first
     * all but pure red (-1 when none): the bar's ends are a 256th of the way in.
     */
    static int[] find(BufferedImage img, int top) {
        int blue = -1;
        int red = -1;
        for (int y = top; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int r = rgb >> 16 & 0xFF;
                int g = rgb >> 8 & 0xFF;
                int b = rgb & 0xFF;
                if (blue < 0 && b == 255 && r < 8 && g < 8) {
                    blue = x;
                }
                if (red < 0 && r == 255 && g < 8 && b < 8) {
                    red = x;
                }
            }
        }
        return new int[] {blue, red};
    }
}
