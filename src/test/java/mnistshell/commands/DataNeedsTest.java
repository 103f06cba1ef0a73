package mnistshell.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import mnistshell.errors.ShellError;
import mnistshell.shell.ShellFixture;
import org.junit.jupiter.api.Test;

/**
 * Commands that need images say which in one line, instead of an internal error or an accuracy
 * of nothing shown as 0.00%: on the fixture's 300 images split to no test images, or to 2 train.
 */
class DataNeedsTest {

    final ShellFixture f = new ShellFixture(false);

    String run(String line) {
        return f.run(line);
    }

    String refused(String line) {
        ShellError e = assertThrows(ShellError.class, () -> run(line));
        assertTrue(!e.isInternal(), e.getMessage());
        return e.getMessage();
    }

    @Test
    void withNoTestImagesEveryCommandThatJudgesOnThemSaysSo() {
        assertTrue(run("data split --test 0").startsWith("split: 300 train / 0 test"), f.out());
        String eval = run("eval");
        assertTrue(eval.startsWith("train accuracy "), eval);
        assertTrue(eval.contains("test accuracy: no test images (data split --test N holds some out)"), eval);
        assertTrue(!eval.contains("0.00%"), eval);
        for (String line : new String[] {"show --wrong", "errors", "errors --label 3", "confusion",
            "expect test-accuracy > 0.5"}) {
            String command = line.replaceAll(" --label 3| > 0.5", "");
            assertEquals(command + ": no test images (data split --test N holds some out)", refused(line), line);
        }
        String step = run("step 2"); // training needs no test images
        assertEquals(2, f.session.iteration());
        assertTrue(step.contains(", test none, ") && !step.contains("NaN"), step);
        assertTrue(run("errors --train").contains("training images wrong"), f.out());
        assertTrue(run("confusion --train").startsWith("training images: 300"), f.out());
        assertTrue(run("predict 5").startsWith("image 5 (train set)"), f.out());
        assertTrue(run("expect loss > 0").startsWith("ok: loss > 0"), f.out());
    }

    @Test
    void gradcheckRunsOnWhatThereIsAndRefusesToBeAskedForMore() {
        run("data split --test 298");
        assertTrue(run("gradcheck").contains(", 2 images\n"), "the default 5 shrinks to the 2 there are: " + f.out());
        assertEquals("gradcheck --samples 100: there are only 2 training images (data split --test N)",
                refused("gradcheck --samples 100"));
        assertEquals("gradcheck: --samples must be an integer from 1 to 100, found '101'",
                refused("gradcheck --samples 101"));
    }

    @Test
    void anImageOutsideTheDataIsRefusedWithTheRange() {
        assertEquals("show: image N must be an integer from 0 to 299, found '300'", refused("show 300"));
        assertEquals("predict: image N must be an integer from 0 to 299, found '-1'", refused("predict -1"));
        assertTrue(refused("show drawn:0").startsWith("show: no drawn images yet"), f.out());
        assertTrue(refused("predict unlabelled:0").startsWith("predict: no unlabelled images"), f.out());
        assertTrue(refused("predict --out x.csv").contains("no unlabelled set"), f.out());
    }
}
