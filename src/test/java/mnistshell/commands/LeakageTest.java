package mnistshell.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import mnistshell.data.Dataset;
import mnistshell.data.Split;
import mnistshell.shell.ShellFixture;
import mnistshell.train.History;
import org.junit.jupiter.api.Test;

/** A kept network that has trained on images now held out says so, with how many. */
class LeakageTest {

    final ShellFixture f = new ShellFixture(false);

    String run(String line) {
        return f.run(line);
    }

    /** How many of the new split's held-out images were in {@code trainedOn}, counted from the index sets. */
    static int heldOutAmong(Set<Integer> trainedOn, Split now) {
        int count = 0;
        for (int[] set : new int[][] {now.test(), now.val()}) {
            for (int i : set) {
                count += trainedOn.contains(i) ? 1 : 0;
            }
        }
        return count;
    }

    static Set<Integer> indices(int[] a) {
        Set<Integer> s = new HashSet<>();
        for (int i : a) {
            s.add(i);
        }
        return s;
    }

    @Test
    void aResplitAfterTrainingWarnsWithTheCountAndEvalRepeatsItUntilInit() {
        Set<Integer> trained = indices(f.session.split().train());
        run("step 2");
        String out = run("data split --test 60 --val 40 --seed 7");
        int count = heldOutAmong(trained, f.session.split());
        assertTrue(count > 0, "a reshuffle of 300 images holds out some of the 250 trained on");
        String warning = "warning: trained on " + count + " of the 100 held-out images; init to start afresh";
        assertTrue(out.contains(warning), out);
        assertTrue(run("eval").startsWith(warning + "\n"), "eval repeats it");
        assertTrue(run("eval --test").startsWith(warning));
        String history = run("history");
        assertTrue(history.contains("  ! after update 2: data split: held out " + count + " of 100 images it"
                + " trained on"), history);
        run("init");
        assertFalse(run("eval").contains("warning"), "init forgets it");
        assertFalse(run("data split --test 50").contains("warning"), "a fresh network has seen nothing");
    }

    @Test
    void trainingUnderTwoSplitsCountsBothTrainingSets() {
        Set<Integer> trained = indices(f.session.split().train());
        run("step 1; data split --test 50 --seed 11");
        trained.addAll(indices(f.session.split().train()));
        run("step 1");
        String out = run("data split --test 80 --seed 12");
        int count = heldOutAmong(trained, f.session.split());
        assertTrue(out.contains("warning: trained on " + count + " of the 80 held-out images"), out);
    }

    @Test
    void aResplitBeforeAnyUpdateSaysNothing() {
        assertFalse(run("data split --test 80 --val 20").contains("warning"));
        assertNull(f.session.leakWarning());
    }

    @Test
    void theHistoryMarkStandsAtTheUpdateOfTheResplit() {
        run("step 3; data split --test 60 --seed 3");
        History h = f.session.training().history();
        assertEquals(1, h.marks().size());
        assertEquals(3, h.marks().get(0).update());
    }

    @Test
    void otherDataHoldingOutImagesTrainedOnIsCountedByContent() {
        run("step 2");
        Dataset before = f.session.data();
        Set<Integer> trained = indices(f.session.split().train());
        // the same images in reverse order: index i of the new data is image 299 - i of the old
        int n = before.size();
        int features = before.features();
        byte[] pixels = new byte[before.pixels().length];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(before.pixels(), (n - 1 - i) * features, pixels, i * features, features);
            labels[i] = before.labels()[n - 1 - i];
        }
        Dataset reversed = new Dataset("reversed", before.rows(), before.cols(), pixels, labels);
        assertTrue(f.session.replaceData(reversed, null));
        Set<Integer> trainedNow = new HashSet<>();
        for (int i : trained) {
            trainedNow.add(n - 1 - i);
        }
        int count = heldOutAmong(trainedNow, f.session.split());
        assertTrue(count > 0);
        assertEquals("warning: trained on " + count + " of the " + f.session.split().test().length
                + " held-out images; init to start afresh", f.session.lastSplitWarning());
        assertEquals(f.session.lastSplitWarning(), f.session.leakWarning());
    }
}
