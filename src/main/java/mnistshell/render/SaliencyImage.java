package mnistshell.render;

import java.awt.image.BufferedImage;

/**
 * A digit and its saliency side by side as a picture: the digit dark on white, the saliency red
 * where more ink raises the predicted class's probability and blue where it lowers it, each pixel
 * a {@code zoom} x {@code zoom} square, a grey gap between the two; beneath them, the saliency's
 * colour scale ({@link ColourScale}) from -max |dp/dx| to +max |dp/dx|.
 */
public final class SaliencyImage {

    static final int GAP = 8;

    private SaliencyImage() {
    }

    /** The picture's width for images {@code cols} wide, its colour scale included. */
    public static int width(int cols, int zoom) {
        return Math.max(ColourScale.MIN_WIDTH, pairWidth(cols, zoom));
    }

    /** Its height for images {@code rows} high, its colour scale included. */
    public static int height(int rows, int zoom) {
        return rows * zoom + ColourScale.HEIGHT;
    }

    private static int pairWidth(int cols, int zoom) {
        return 2 * cols * zoom + GAP;
    }

    /** {@code predicted}: the class whose probability the saliency is of, named on the scale. */
    public static BufferedImage draw(int[] grey, double[] saliency, int rows, int cols, int zoom, int predicted) {
        return ColourScale.under(pair(grey, saliency, rows, cols, zoom), WeightImage.maxAbs(saliency),
                "d p(" + predicted + ") / d pixel");
    }

    private static BufferedImage pair(int[] grey, double[] saliency, int rows, int cols, int zoom) {
        BufferedImage img = new BufferedImage(pairWidth(cols, zoom), rows * zoom, BufferedImage.TYPE_INT_RGB);
        double scale = WeightImage.maxAbs(saliency);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = WeightGridImage.GREY;
                if (x < cols * zoom) {
                    int v = 255 - grey[(y / zoom) * cols + x / zoom];
                    rgb = (v << 16) | (v << 8) | v;
                } else if (x >= cols * zoom + GAP) {
                    rgb = WeightGridImage.colour(saliency[(y / zoom) * cols + (x - cols * zoom - GAP) / zoom], scale);
                }
                img.setRGB(x, y, rgb);
            }
        }
        return img;
    }
}
