package mnistshell.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Drawings prepared as MNIST's digits: fitted to 20x20 and centred by their centre of mass. */
class MnistPreparationTest {

    /** An L-shaped stroke, 8 rows by 5 columns, its corner at (top, left). */
    static byte[] stroke(int top, int left) {
        byte[] p = new byte[28 * 28];
        for (int r = top; r < top + 8; r++) {
            p[r * 28 + left] = (byte) 255;
        }
        for (int c = left; c < left + 5; c++) {
            p[(top + 7) * 28 + c] = (byte) 200;
        }
        return p;
    }

    static double[] centreOfMass(byte[] p) {
        double mass = 0;
        double r = 0;
        double c = 0;
        for (int i = 0; i < p.length; i++) {
            double v = p[i] & 0xFF;
            mass += v;
            r += (i / 28) * v;
            c += (i % 28) * v;
        }
        return new double[] {r / mass, c / mass};
    }

    static int[] box(byte[] p) {
        int top = 28;
        int bottom = -1;
        int left = 28;
        int right = -1;
        for (int i = 0; i < p.length; i++) {
            if (p[i] != 0) {
                top = Math.min(top, i / 28);
                bottom = Math.max(bottom, i / 28);
                left = Math.min(left, i % 28);
                right = Math.max(right, i % 28);
            }
        }
        return new int[] {bottom - top + 1, right - left + 1};
    }

    @Test
    void aShiftedStrokeIsCentredByItsMassWithinAPixel() {
        for (int[] at : new int[][] {{1, 1}, {18, 20}, {2, 22}, {10, 3}}) {
            byte[] prepared = MnistPreparation.prepare(stroke(at[0], at[1]), 28, 28);
            double[] com = centreOfMass(prepared);
            assertTrue(Math.abs(com[0] - 14) <= 1 && Math.abs(com[1] - 14) <= 1,
                    "stroke at " + at[0] + "," + at[1] + ": centre of mass " + com[0] + "," + com[1]);
            int[] size = box(prepared);
            assertEquals(20, size[0], "8 rows scaled to the box's 20");
            assertTrue(size[1] >= 12 && size[1] <= 13, "5 columns scaled by 20/8, the aspect kept: " + size[1]);
        }
    }

    @Test
    void whereverTheStrokeIsDrawnThePreparedImageIsTheSame() {
        byte[] a = MnistPreparation.prepare(stroke(1, 1), 28, 28);
        byte[] b = MnistPreparation.prepare(stroke(15, 20), 28, 28);
        for (int i = 0; i < a.length; i++) {
            assertTrue(Math.abs((a[i] & 0xFF) - (b[i] & 0xFF)) <= 1, "pixel " + i + ": rounding apart at most");
        }
    }

    @Test
    void aBlankImageStaysBlank() {
        assertArrayEquals(new byte[784], MnistPreparation.prepare(new byte[784], 28, 28));
    }
}
