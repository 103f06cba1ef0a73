package mnistshell.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import mnistshell.data.UnlabelledSet;
import mnistshell.errors.ShellError;
import mnistshell.inspect.OneImage;
import mnistshell.session.ImageRef;
import mnistshell.shell.ShellFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** predict N --inside and --saliency, for images of the data, drawn ones and unlabelled ones. */
class PredictInsideTest {

    final ShellFixture f = new ShellFixture(false);

    @TempDir
    Path dir;

    String run(String line) {
        f.outBytes.reset();
        f.shell.execute(line, () -> false);
        String out = f.out();
        for (String l : out.lines().toList()) {
            assertTrue(l.length() <= 80, l.length() + " columns: " + l);
        }
        return out;
    }

    byte[] pixelsOf(int image) {
        byte[] p = new byte[784];
        System.arraycopy(f.session.data().pixels(), image * 784, p, 0, 784);
        return p;
    }

    @Test
    void insideShowsEveryHiddenLayerAndItsTopUnits() {
        run("init 784-32-8-10; step 2");
        String out = run("predict 4 --inside");
        OneImage one = OneImage.of(f.session.network(), ImageRef.data(4).input(f.session));
        assertTrue(out.contains("predicted " + one.predicted()), out);
        assertTrue(out.contains("layer 1: 32 units, leaky-relu(0.01)"), out);
        assertTrue(out.contains("layer 2: 8 units, leaky-relu(0.01)"), out);
        int[] top = one.topUnits(1, 3);
        assertTrue(out.contains("most for class " + one.predicted() + ": unit " + top[0] + " ("), out);
        assertEquals(8, out.lines().filter(l -> l.startsWith("  unit ")).count(), "a line per unit of layer 2");
    }

    @Test
    void saliencyIsDrawnBesideTheImage() {
        String out = run("predict 4 --saliency");
        List<String> lines = out.lines().toList();
        int heading = lines.indexOf(lines.stream().filter(l -> l.startsWith("image ") && l.contains("saliency"))
                .findFirst().orElseThrow());
        assertEquals(28 + 2, lines.size() - heading - 1, "28 rows and two lines of legend: " + out);
        String row = lines.get(heading + 1 + 14);
        int[] grey = ImageRef.data(4).grey(f.session);
        for (int c = 0; c < 28; c++) {
            assertEquals(mnistshell.render.AsciiDigit.shade(grey[14 * 28 + c]), c < row.length() ? row.charAt(c) : ' ');
        }
    }

    @Test
    void theSaliencyPngDecodesAtItsStatedSize() throws Exception {
        Path png = dir.resolve("s.png");
        String out = run("predict 4 --saliency --png " + png);
        // the digit and its saliency at 8 pixels a pixel with an 8-pixel gap: 2 * 28 * 8 + 8 = 456 wide,
        // 28 * 8 = 224 high, and the colour scale's strip beneath
        int height = 224 + mnistshell.render.ColourScale.HEIGHT;
        assertTrue(out.contains("(456x" + height + " PNG)"), out);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(456, img.getWidth());
        assertEquals(height, img.getHeight());
        double[] s = mnistshell.inspect.OneImage.of(f.session.network(), ImageRef.data(4).input(f.session)).saliency();
        int top = 0;
        for (int p = 1; p < s.length; p++) {
            top = Math.abs(s[p]) > Math.abs(s[top]) ? p : top;
        }
        int x = 28 * 8 + 8 + (top % 28) * 8 + 4;
        int y = (top / 28) * 8 + 4;
        assertEquals(s[top] > 0 ? 0xFF0000 : 0x0000FF, img.getRGB(x, y) & 0xFFFFFF,
                "the pixel of the largest |dp/dx| in the full colour of its sign");
        int[] strip = ScaleStrip.find(img, 224);
        assertTrue(strip[0] >= 0 && strip[0] < strip[1], "the scale beneath, blue to red");
    }

    @Test
    void drawnAndUnlabelledImagesAreLookedInsideToo() {
        f.session.drawn().add(pixelsOf(7));
        f.session.setUnlabelled(new UnlabelledSet("u.csv", 28, 28, pixelsOf(9)));
        assertTrue(run("predict drawn:0 --inside").contains("layer 1: 10 units"));
        String drawn = run("predict drawn:0 --saliency");
        String same = run("predict 7 --saliency");
        assertEquals(same.substring(same.indexOf("saliency:")), drawn.substring(drawn.indexOf("saliency:")),
                "the drawn copy of image 7 has image 7's saliency");
        assertTrue(run("predict unlabelled:0 --saliency").contains("saliency: d p("));
    }

    @Test
    void misusedOptionsAreRefused() {
        assertThrows(ShellError.class, () -> run("predict 4 --png x.png"));
        assertThrows(ShellError.class, () -> run("predict 4 --inside --saliency"));
        assertThrows(ShellError.class, () -> run("predict --out x.csv --inside"));
    }
}
