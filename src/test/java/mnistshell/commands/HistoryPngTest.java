package mnistshell.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import mnistshell.render.CurvesImage;
import mnistshell.shell.ShellFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** history --png: a chart drawn by JFreeChart that decodes at the size it states. */
class HistoryPngTest {

    final ShellFixture f = new ShellFixture(false);

    @TempDir
    Path dir;

    @Test
    void theChartDecodesAtItsStatedSize() throws Exception {
        Path png = dir.resolve("h.png");
        f.shell.execute("set batch 32; step 6; set lr 0.05; step 4; history --png " + png, () -> false);
        assertTrue(f.out().contains("(" + CurvesImage.WIDTH + "x" + CurvesImage.HEIGHT + " PNG)"), f.out());
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(CurvesImage.WIDTH, img.getWidth());
        assertEquals(CurvesImage.HEIGHT, img.getHeight());
        int colours = 0;
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                colours += seen.add(img.getRGB(x, y)) ? 1 : 0;
            }
        }
        assertTrue(colours > 10, "axes, text and three series drawn, not a blank picture: " + colours + " colours");
    }
}
