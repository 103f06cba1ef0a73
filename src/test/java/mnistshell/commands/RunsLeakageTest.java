package mnistshell.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import mnistshell.data.Dataset;
import mnistshell.errors.ShellError;
import mnistshell.nn.TestData;
import mnistshell.shell.ShellFixture;
import mnistshell.train.History;
import org.junit.jupiter.api.Test;

/** Runs share the data and its split: a re-split, new data or other pixels warn each run of its own past. */
class RunsLeakageTest {

    final ShellFixture f = new ShellFixture(false);

    /** Lines as printed before Wrap broke them at 80 columns (continued with an indent of two). */
    static String unwrapped(String out) {
        return out.replace("\n  ", " ");
    }

    String warning(int count, int held) {
        return "warning: trained on " + count + " of the " + held + " held-out images; init to start afresh";
    }

    @Test
    void aResplitWithSeveralRunsWarnsEachOfItsOwnCount() {
        Set<Integer> underFirst = LeakageTest.indices(f.session.split().train());
        f.run("step 2; fork b; fork fresh; init; switch b; data split --test 30 --val 20 --seed 5");
        Set<Integer> bTrained = new java.util.HashSet<>(underFirst);
        bTrained.addAll(LeakageTest.indices(f.session.split().train()));
        f.run("step 1"); // b trains under the second split too; main does not
        String out = unwrapped(f.run("data split --test 60 --val 40 --seed 9"));
        int main = LeakageTest.heldOutAmong(underFirst, f.session.split());
        int b = LeakageTest.heldOutAmong(bTrained, f.session.split());
        assertTrue(main > 0 && b > main, main + " " + b);
        assertTrue(out.contains("\nb: " + warning(b, 100) + "\n"), out);
        assertTrue(out.contains("\nmain: " + warning(main, 100) + "\n"), out);
        assertFalse(out.contains("fresh:"), "a run that trained on nothing has seen nothing: " + out);

        assertTrue(f.run("eval").startsWith(warning(b, 100) + "\n"), "b's eval repeats b's warning");
        List<History.Mark> bMarks = f.session.training().history().marks();
        assertEquals(new History.Mark(3, "data split: held out " + b + " of 100 images it trained on"),
                bMarks.get(bMarks.size() - 1));
        f.run("switch main");
        assertTrue(f.run("eval").startsWith(warning(main, 100) + "\n"), "main's eval repeats main's own");
        assertTrue(f.run("history").contains("  ! after update 2: data split: held out " + main + " of 100"));
        f.run("switch b; init");
        assertFalse(f.run("eval").contains("warning"), "b's init forgets b's warning");
        f.run("switch main");
        assertTrue(f.run("eval").startsWith(warning(main, 100)), "and leaves main's");
        String compare = unwrapped(f.run("compare"));
        assertTrue(compare.contains("\nmain: " + warning(main, 100) + "\n"), compare);
        assertFalse(compare.contains("b: warning"), compare);
    }

    @Test
    void otherDataWithSeveralRunsCountsEachRunsImagesByContent() {
        f.run("step 2; fork b; data split --test 40 --seed 3; step 1; switch main");
        Set<Integer> mainTrained = LeakageTest.indices(f.session.trainedOn().stream().toArray());
        f.run("switch b");
        Set<Integer> bTrained = LeakageTest.indices(f.session.trainedOn().stream().toArray());
        Dataset before = f.session.data();
        int n = before.size();
        int features = before.features();
        byte[] pixels = new byte[before.pixels().length];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) { // the same images in reverse order
            System.arraycopy(before.pixels(), (n - 1 - i) * features, pixels, i * features, features);
            labels[i] = before.labels()[n - 1 - i];
        }
        assertTrue(f.session.replaceData(new Dataset("reversed", before.rows(), before.cols(), pixels, labels), null));
        for (var run : List.of(mainTrained, bTrained)) {
            Set<Integer> now = new java.util.HashSet<>();
            run.forEach(i -> now.add(n - 1 - i));
            run.clear();
            run.addAll(now);
        }
        int held = f.session.split().test().length;
        int main = LeakageTest.heldOutAmong(mainTrained, f.session.split());
        int b = LeakageTest.heldOutAmong(bTrained, f.session.split());
        assertTrue(b > main && main > 0, main + " " + b);
        assertEquals(java.util.Map.of("main", warning(main, held), "b", warning(b, held)), f.session.lastWarnings());
        assertEquals(warning(b, held), f.session.leakWarning());
        f.run("switch main");
        assertEquals(warning(main, held), f.session.leakWarning());
        List<History.Mark> marks = f.session.training().history().marks();
        assertEquals(2, marks.size(), "main was marked by the split, then by the load: " + marks);
        assertEquals(new History.Mark(2, "data load: held out " + main + " of " + held + " images it trained on"),
                marks.get(1));
    }

    @Test
    void otherDataOfAnotherSizeWithSeveralRunsIsRefusedInOneLine() {
        f.run("step 1; fork b");
        Dataset data = f.session.data();
        ShellError e = assertThrows(ShellError.class,
                () -> f.session.replaceData(TestData.random(50, 10, 10, 4), null));
        assertEquals(1, e.getMessage().lines().count());
        assertTrue(e.getMessage().contains("drop the other runs first"), e.getMessage());
        assertSame(data, f.session.data());
        assertEquals(List.of("b", "main"), f.session.runNames());
    }

    @Test
    void otherPixelsWarnEveryRunThatTrainedOnTheOtherScaling() {
        String scaledWarning = "warning: trained on scaled pixels (0-1), now raw (0-255); init to start afresh";
        String rawWarning = "warning: trained on raw pixels (0-255), now scaled (0-1); init to start afresh";
        f.run("step 2; fork raw; fork untrained; init");
        String out = unwrapped(f.run("data normalize off"));
        assertTrue(out.contains("\nmain: " + scaledWarning + "\n") && out.contains("\nraw: " + scaledWarning + "\n"),
                out);
        assertFalse(out.contains("untrained:"), out);
        f.run("switch raw; init; step 2");
        assertFalse(f.run("eval").contains("warning"), "init, then trained on raw pixels alone");
        out = unwrapped(f.run("data normalize on"));
        assertTrue(out.contains("\nraw: " + rawWarning + "\n"), out);
        assertFalse(out.contains("main:"), "main trained on scaled pixels alone, as it sees now: " + out);
        assertTrue(f.run("eval").startsWith(rawWarning + "\n"), "eval repeats it until init");
        assertTrue(f.run("history").contains("  ! after update 2: data normalize on: it trained on raw pixels"
                + " (0-255) until here"));
        f.run("switch main");
        assertFalse(f.run("eval").contains("warning"));
    }
}
