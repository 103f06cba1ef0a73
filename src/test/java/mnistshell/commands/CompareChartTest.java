package mnistshell.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import mnistshell.render.RunsChart;
import mnistshell.render.RunsImage;
import mnistshell.shell.ShellFixture;
import mnistshell.train.History;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** compare's curves: every run on one text chart, a symbol each, and the same curves as a PNG. */
class CompareChartTest {

    final ShellFixture f = new ShellFixture(false);

    /** The cells of the panel under {@code title}: row 0 at the top, as printed, from the column after '┤'. */
    static List<String> panel(List<String> lines, String title) {
        int at = lines.indexOf(title);
        assertTrue(at >= 0, title + " in\n" + String.join("\n", lines));
        List<String> rows = new ArrayList<>();
        for (int r = 1; r <= RunsChart.HEIGHT; r++) {
            String line = lines.get(at + r);
            rows.add(line.substring(line.indexOf('┤') + 1));
        }
        return rows;
    }

    static char cell(List<String> rows, int rowFromBottom, int column) {
        String line = rows.get(rows.size() - 1 - rowFromBottom);
        return column < line.length() ? line.charAt(column) : ' ';
    }

    /**
     * Checks a panel against the runs' own values: one update a column (fewer updates than the
     * chart's width), each value in the row its share of the range gives, the run's symbol there
     * or '=' where another run shares the cell, and nothing anywhere else.
     */
    static void assertPanel(List<String> rows, Map<String, History.Series> byRun, List<String> order) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        int first = Integer.MAX_VALUE;
        for (History.Series s : byRun.values()) {
            for (int i = 0; i < s.values().length; i++) {
                lo = Math.min(lo, s.values()[i]);
                hi = Math.max(hi, s.values()[i]);
                first = Math.min(first, s.updates()[i]);
            }
        }
        Map<List<Integer>, String> expected = new HashMap<>();
        for (int k = 0; k < order.size(); k++) {
            History.Series s = byRun.get(order.get(k));
            char symbol = RunsChart.symbol(k);
            for (int i = 0; i < s.values().length; i++) {
                int row = (int) Math.round((s.values()[i] - lo) / (hi - lo) * (RunsChart.HEIGHT - 1));
                List<Integer> at = List.of(row, s.updates()[i] - first);
                expected.merge(at, String.valueOf(symbol), (a, b) -> a.equals(b) ? a : "=");
            }
        }
        for (Map.Entry<List<Integer>, String> e : expected.entrySet()) {
            assertEquals(e.getValue().charAt(0), cell(rows, e.getKey().get(0), e.getKey().get(1)),
                    "row " + e.getKey().get(0) + " column " + e.getKey().get(1) + "\n" + String.join("\n", rows));
        }
        long drawn = rows.stream().mapToLong(r -> r.chars().filter(c -> c != ' ').count()).sum();
        assertEquals(expected.size(), drawn, "no cell but the runs' values is drawn\n" + String.join("\n", rows));
    }

    @Test
    void theCurvesAreEachRunsValidationAccuracyAndLossOnOneChart() {
        f.run("data split --test 40 --val 60; step 3; fork fast; set lr 0.7; step 6; switch main; step 2");
        List<String> lines = f.run("compare").lines().toList();
        List<String> order = List.of("fast", "main"); // compare's default: every run, in order
        Map<String, History.Series> loss = new HashMap<>();
        Map<String, History.Series> val = new HashMap<>();
        for (String run : order) {
            History h = f.session.trainingOf(run).history();
            loss.put(run, h.losses());
            val.put(run, h.heldOutAccuracy(true));
            assertEquals(h.points().size(), h.validations().size(), "full batch: validation after every update");
        }
        assertPanel(panel(lines, mnistshell.session.Comparison.LOSS_TITLE), loss, order);
        assertPanel(panel(lines, "val accuracy after the update"), val, order);
        assertTrue(lines.contains("key: o fast  + main  = several runs in one place"), String.join("\n", lines));
        assertFalse(lines.stream().anyMatch(l -> l.startsWith("test accuracy")), "tuning never sees test curves");
        String ticks = lines.get(lines.indexOf(lines.stream().filter(l -> l.contains("└")).findFirst().get()) + 1);
        assertTrue(ticks.strip().startsWith("1 ") && ticks.endsWith(" 9"), "updates 1 to 9: " + ticks);
        assertTrue(lines.stream().allMatch(l -> l.length() <= 80), String.join("\n", lines));
    }

    @Test
    void withoutValidationImagesTheChartSaysTestAndShowsTheTestAccuracy() {
        f.run("step 4; fork b; set lr 0.3; step 2");
        List<String> lines = f.run("compare").lines().toList();
        Map<String, History.Series> test = new HashMap<>();
        for (String run : List.of("b", "main")) {
            History.Series s = f.session.trainingOf(run).history().heldOutAccuracy(false);
            assertEquals(f.session.trainingOf(run).updates(), s.values().length, "measured after every update");
            test.put(run, s);
        }
        assertPanel(panel(lines, "test accuracy after the update"), test, List.of("b", "main"));
    }

    @Test
    void moreUpdatesThanColumnsAreAveragedAndTheAxisEndsAtTheLastUpdate() {
        f.run("data split --test 40 --val 60; step 150");
        List<String> lines = f.run("compare").lines().toList();
        List<String> rows = panel(lines, mnistshell.session.Comparison.LOSS_TITLE);
        History.Series s = f.session.training().history().losses();
        // column c holds updates c*150/64 + 1 and on: the mean of their losses, worked out here
        double[] mean = new double[RunsChart.WIDTH];
        int[] count = new int[RunsChart.WIDTH];
        for (int i = 0; i < s.values().length; i++) {
            int c = (s.updates()[i] - 1) * RunsChart.WIDTH / 150;
            mean[c] += s.values()[i];
            count[c]++;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < mean.length; c++) {
            mean[c] /= count[c];
            lo = Math.min(lo, mean[c]);
            hi = Math.max(hi, mean[c]);
        }
        for (int c = 0; c < mean.length; c++) {
            int row = (int) Math.round((mean[c] - lo) / (hi - lo) * (RunsChart.HEIGHT - 1));
            assertEquals('o', cell(rows, row, c), "column " + c + "\n" + String.join("\n", rows));
        }
        String axis = lines.stream().filter(l -> l.contains("└")).findFirst().get();
        String ticks = lines.get(lines.indexOf(axis) + 1);
        assertTrue(ticks.endsWith(" 150") && ticks.strip().startsWith("1 "), ticks);
        assertEquals(axis.lastIndexOf('┬'), ticks.length() - 1, "the last update under the last column");
    }

    @Test
    void aSmallChartWorkedOutByHand() {
        // a: 3, 2, 1 and b: 3, 1, 0 over updates 1..3 in 3 rows from 0 to 3: a's rows 2, 1, 1
        // (2/3 of 2 rounds to 1) and b's 2, 1, 0; they meet at update 1 (row 2) and update 2 (row 1)
        List<RunsChart.Curve> loss = List.of(new RunsChart.Curve("a", new int[] {1, 2, 3}, new double[] {3, 2, 1}),
                new RunsChart.Curve("b", new int[] {1, 2, 3}, new double[] {3, 1, 0}));
        List<RunsChart.Curve> accuracy = List.of(new RunsChart.Curve("a", new int[] {3}, new double[] {0.5}),
                new RunsChart.Curve("b", new int[] {}, new double[] {}));
        // labels 5 wide ("3.00", "50.0%"); a's one accuracy, a range of a single value, sits in the middle row;
        // ticks at the first and last of the 3 columns
        assertEquals(List.of("loss", " 3.00 ┤=", "      ┤ =o", "    0 ┤  +", "acc", "50.0% ┤", "      ┤  o",
                "50.0% ┤", "      └┬─┬", "       1 3", "key: o a  + b  = several runs in one place"),
                RunsChart.render("loss", loss, "acc", accuracy, 3));
    }

    @Test
    void thePictureDecodesAtItsStatedSizeWithEveryRunsColour(@TempDir Path dir) throws Exception {
        f.run("data split --test 40 --val 60; step 5; fork fast; set lr 0.7; step 5");
        Path png = dir.resolve("runs.png");
        String out = f.run("compare --png " + png);
        assertTrue(out.contains("wrote " + png + " (" + RunsImage.WIDTH + "x" + RunsImage.HEIGHT
                + " PNG): loss and val accuracy of 2 runs"), out);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(RunsImage.WIDTH, image.getWidth());
        assertEquals(RunsImage.HEIGHT, image.getHeight());
        for (int k = 0; k < 2; k++) {
            int rgb = new java.awt.Color(0x1f77b4).getRGB();
            rgb = k == 0 ? rgb : new java.awt.Color(0xff7f0e).getRGB();
            int found = 0;
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    found += image.getRGB(x, y) == rgb ? 1 : 0;
                }
            }
            assertTrue(found > 100, "run " + k + "'s colour drawn: " + found + " pixels");
        }
    }

    @Test
    void manyRunsWithLongNamesStillFitEightyColumns() {
        StringBuilder line = new StringBuilder("step 2");
        for (int i = 0; i < 12; i++) {
            line.append("; fork a-rather-long-run-name-").append((char) ('a' + i)).append("; step 1");
        }
        f.run(line.toString());
        List<String> lines = f.run("compare").lines().toList();
        assertTrue(lines.stream().allMatch(l -> l.length() <= 80), String.join("\n", lines));
        String key = String.join(" ", lines.subList(lines.indexOf(lines.stream().filter(l -> l.startsWith("key:"))
                .findFirst().get()), lines.size()));
        assertTrue(key.contains(RunsChart.symbol(12) + " main"), key);
    }
}
