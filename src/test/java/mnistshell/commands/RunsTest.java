package mnistshell.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import mnistshell.errors.ShellError;
import mnistshell.shell.ShellFixture;
import org.junit.jupiter.api.Test;

/** fork, runs, switch and drop: runs that share the data and nothing else. */
class RunsTest {

    final ShellFixture f = new ShellFixture(false);

    String run(String line) {
        return f.run(line);
    }

    @Test
    void steppingAForkLeavesTheOtherRunBitIdentical() {
        run("set optimizer momentum; data split --test 40 --val 30; step 4");
        List<double[][]> main = EarlyStopTest.weights(f);
        String out = run("fork fast");
        assertEquals("forked run fast from main at update 4; now on fast\n", out);
        run("set lr 0.5; step 6");
        assertEquals(10, f.session.iteration());
        run("switch main");
        assertEquals(4, f.session.iteration());
        EarlyStopTest.assertSame(main, EarlyStopTest.weights(f));
        assertEquals("0.1", f.session.training().settings().value("lr"), "settings are the run's own");
        assertEquals(4, f.session.training().history().points().size(), "so is the history");
        run("switch fast");
        assertEquals(10, f.session.training().history().layers().size(), "the fork's history has every update's"
                + " layer statistics, those from before the fork too");
    }

    @Test
    void aForkTrainsOnExactlyAsTheRunItCameFrom() {
        run("set optimizer adam; set batch 32; data split --test 40 --val 30; step 5; fork b; step 9");
        List<double[][]> forked = EarlyStopTest.weights(f);
        run("switch main; step 9");
        EarlyStopTest.assertSame(forked, EarlyStopTest.weights(f));
    }

    @Test
    void runsShareTheDataAndTheSplitNotCopies() {
        run("fork other");
        assertSame(f.session.data(), f.session.data());
        mnistshell.data.Split split = f.session.split();
        byte[] pixels = f.session.data().pixels();
        run("switch main");
        assertSame(split, f.session.split());
        assertSame(pixels, f.session.data().pixels());
        assertNotSame(f.session.networkOf("main"), f.session.networkOf("other"));
    }

    @Test
    void runsListsThemAndDropForgetsOne() {
        run("step 2; fork a; step 1; fork b");
        String out = run("runs");
        assertTrue(out.contains("* b"), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("  a ") && l.matches(".* 3 +\\d+")), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("  main ") && l.matches(".* 2 +\\d+")), out);
        assertThrows(ShellError.class, () -> run("drop b"), "not the current run");
        run("drop a");
        assertEquals(List.of("b", "main"), f.session.runNames());
        assertThrows(ShellError.class, () -> run("switch a"));
        assertThrows(ShellError.class, () -> run("fork main"), "names are unique");
        assertThrows(ShellError.class, () -> run("fork 'no spaces'"));
    }

    @Test
    void saveAllThenLoadDirBringsEveryRunBackBitIdentically(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        run("set optimizer adam; data split --test 40 --val 30; step 3; fork lr5; set lr 0.5; step 4; fork tiny");
        run("set optimizer momentum; step 2; switch lr5");
        java.util.Map<String, List<double[][]>> before = new java.util.TreeMap<>();
        java.util.Map<String, List<mnistshell.train.History.Point>> points = new java.util.TreeMap<>();
        java.util.Map<String, String> settings = new java.util.TreeMap<>();
        java.util.Map<String, String> best = new java.util.TreeMap<>();
        for (String name : List.of("lr5", "main", "tiny")) {
            if (!name.equals(f.session.runName())) {
                run("switch " + name);
            }
            before.put(name, EarlyStopTest.weights(f));
            points.put(name, f.session.training().history().points());
            settings.put(name, f.session.training().settings().value("lr") + " "
                    + f.session.training().settings().optimizer());
            best.put(name, f.session.training().best().update() + " " + f.session.training().best().metric());
        }
        java.nio.file.Path runs = dir.resolve("runs");
        String out = run("save --all " + runs);
        assertTrue(out.startsWith("saved 3 runs to " + runs + ": lr5, main, tiny"), out);
        run("switch main; drop lr5; drop tiny; init");
        out = run("load " + runs);
        assertTrue(out.startsWith("loaded 3 runs from " + runs + ": lr5, main, tiny; on main"), out);
        assertEquals(List.of("lr5", "main", "tiny"), f.session.runNames());
        for (String name : List.of("main", "lr5", "tiny")) {
            if (!name.equals(f.session.runName())) {
                run("switch " + name);
            }
            EarlyStopTest.assertSame(before.get(name), EarlyStopTest.weights(f));
            assertEquals(points.get(name), f.session.training().history().points(), name + "'s history");
            assertEquals(settings.get(name), f.session.training().settings().value("lr") + " "
                    + f.session.training().settings().optimizer(), name + "'s settings");
            assertEquals(best.get(name), f.session.training().best().update() + " "
                    + f.session.training().best().metric(), name + "'s best weights");
        }
        assertEquals(9, f.session.iteration(), "tiny: 3 + 4 + 2 updates");
    }

    @Test
    void saveAllIntoAMissingDirectoryIsRefusedInTheWordsOfEveryFileWritten(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        run("fork other");
        java.nio.file.Path runs = dir.resolve("no/such/runs");
        ShellError e = assertThrows(ShellError.class, () -> run("save --all " + runs));
        assertEquals(runs + ": cannot write: no such directory (create it first)", e.getMessage());
        assertTrue(!java.nio.file.Files.exists(dir.resolve("no")), "nothing made");
    }
}
