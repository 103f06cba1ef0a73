package mnistshell.commands;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import mnistshell.data.Split;
import mnistshell.errors.ShellError;
import mnistshell.nn.Evaluation;
import mnistshell.nn.ReferenceEngine;
import mnistshell.shell.ShellFixture;
import mnistshell.train.History;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** data split --val M: what step, eval, history, expect, confusion and errors then show, and save/load. */
class ValidationSetTest {

    final ShellFixture f = new ShellFixture(false);

    @TempDir
    Path dir;

    String run(String line) {
        return f.run(line);
    }

    /** Share of {@code images} the network classifies right, worked out image by image with the reference engine. */
    double accuracy(int[] images) {
        int right = 0;
        for (int i : images) {
            int predicted = Evaluation.argmax(ReferenceEngine.probabilities(f.session.network(), f.session.data(), i));
            right += predicted == f.session.data().label(i) ? 1 : 0;
        }
        return (double) right / images.length;
    }

    static String percent(double share) {
        return String.format("%.2f%%", 100 * share);
    }

    @Test
    void splitHoldsOutTestAndValidationImagesOfTheSameShuffle() {
        String out = run("data split --test 40 --val 30 --seed 5");
        Split s = f.session.split();
        Split expected = Split.shuffled(300, 40, 30, 5);
        assertArrayEquals(expected.test(), s.test());
        assertArrayEquals(expected.val(), s.val());
        assertArrayEquals(expected.train(), s.train());
        assertTrue(out.startsWith("split: 230 train / 30 val / 40 test (seeded shuffle, seed 5)"), out);
        assertThrows(ShellError.class, () -> run("data split --test 200 --val 100"));
        assertEquals(30, f.session.split().val().length, "a refused split changes nothing");
    }

    @Test
    void withoutValOptionNothingChanges() {
        String out = run("data split --test 40");
        assertEquals(0, f.session.split().val().length);
        assertTrue(out.startsWith("split: 260 train / 40 test (seeded shuffle, seed 2)"), out);
        String step = run("step 2");
        assertTrue(step.contains(", test "), step);
        String eval = run("eval");
        assertTrue(eval.contains("test accuracy " + percent(accuracy(f.session.split().test()))), eval);
    }

    @Test
    void stepEvalAndExpectShowValidationAndKeepTheTestImagesForTheEnd() {
        run("data split --test 40 --val 30");
        String step = run("step 3");
        double val = accuracy(f.session.split().val());
        double valLoss = 0; // worked out image by image with the reference engine
        for (int i : f.session.split().val()) {
            valLoss -= Math.log(ReferenceEngine.probabilities(f.session.network(), f.session.data(), i)[
                    f.session.data().label(i)]) / f.session.split().val().length;
        }
        assertTrue(step.contains(", val " + percent(val) + " (loss " + mnistshell.render.Numbers.compact(valLoss)
                + "),"), step);
        assertFalse(step.contains("test"), step);
        String eval = run("eval");
        assertTrue(eval.contains("val accuracy " + percent(val)), eval);
        assertFalse(eval.contains("test"), eval);
        String evalTest = run("eval --test");
        assertTrue(evalTest.contains("test accuracy " + percent(accuracy(f.session.split().test()))), evalTest);
        assertTrue(run("expect val-accuracy == " + val).startsWith("ok: val-accuracy == "));
        ShellError e = assertThrows(ShellError.class, () -> run("expect val-accuracy > " + val));
        assertTrue(e.getMessage().contains("val-accuracy is"), e.getMessage());
        double loss = f.session.evaluateValidation().loss();
        String ok = run("expect val-loss == " + loss);
        assertTrue(ok.startsWith("ok: val-loss"), ok);
        String confusion = run("confusion");
        assertTrue(confusion.startsWith("validation images: 30, accuracy " + mnistshell.render.Numbers.percent(val)),
                confusion);
        assertTrue(run("confusion --test").startsWith("test images: 40"));
        assertTrue(run("errors").contains(" of 30 validation images wrong"));
        assertTrue(run("errors --test").contains(" of 40 test images wrong"));
        for (String line : (step + eval + evalTest).lines().toList()) {
            assertTrue(line.length() <= 80, line);
        }
    }

    @Test
    void expectValWithoutValidationImagesIsRefusedInOneLine() {
        ShellError e = assertThrows(ShellError.class, () -> run("expect val-accuracy > 0"));
        assertEquals("expect val-accuracy: no validation images (data split --test N --val M holds some out)",
                e.getMessage());
    }

    @Test
    void historyRecordsValidationInPlaceOfTestWhileTraining() {
        run("data split --test 40 --val 30; step 2");
        List<History.Point> points = f.session.training().history().points();
        List<History.Validation> vals = f.session.training().history().validations();
        assertEquals(2, vals.size(), "full batch: one measurement per update");
        assertTrue(points.stream().allMatch(p -> Double.isNaN(p.testAccuracy())), points.toString());
        assertEquals(accuracy(f.session.split().val()), vals.get(1).accuracy(), 1e-12);
        assertEquals(f.session.evaluateValidation().loss(), vals.get(1).loss(), 1e-12);
        String chart = run("history");
        assertTrue(chart.contains("validation accuracy after the update"), chart);
        String lossChart = chart.substring(chart.indexOf("validation loss after the update"));
        double highest = Math.max(vals.get(0).loss(), vals.get(1).loss());
        assertTrue(lossChart.lines().skip(1).findFirst().orElse("")
                .startsWith(mnistshell.render.Numbers.brief(highest) + " ┤"), lossChart);
        assertFalse(chart.contains("test"), chart);
    }

    @Test
    void historyCsvHasValidationColumns() throws Exception {
        run("data split --test 40 --val 30; step 2");
        Path csv = dir.resolve("h.csv");
        run("history --csv " + csv);
        List<String> lines = Files.readAllLines(csv);
        assertEquals("update,epoch,loss,train_accuracy,test_accuracy,val_loss,val_accuracy,changes", lines.get(0));
        History.Validation v = f.session.training().history().validations().get(1);
        assertTrue(lines.get(2).endsWith("," + v.loss() + "," + v.accuracy() + ",\"\""), lines.get(2));
    }

    @Test
    void saveKeepsTheThreeIndexSetsAndLoadRestoresThem() {
        run("data split --test 40 --val 30 --seed 9; step 2");
        Split saved = f.session.split();
        Path file = dir.resolve("three.npz");
        run("save " + file);
        run("data split --test 10 --seed 1; init");
        String out = run("load " + file);
        Split now = f.session.split();
        assertArrayEquals(saved.train(), now.train());
        assertArrayEquals(saved.test(), now.test());
        assertArrayEquals(saved.val(), now.val());
        assertTrue(out.contains("split: 230 train / 30 val / 40 test (seeded shuffle, seed 9), as saved"), out);
        assertEquals(2, f.session.training().history().validations().size());
        assertEquals(saved.seed(), now.seed());
    }
}
