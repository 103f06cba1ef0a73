package mnistshell.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import mnistshell.nn.Tensor;
import mnistshell.train.History;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * train through the dispatch with a terminal: what its keys changed is a set like any other, listed
 * by set, kept by save and load, and the command log it leaves replays to the same weights.
 */
@Timeout(60)
class TrainThroughTheShellTest {

    @TempDir
    Path dir;

    @Test
    void aKeyChangeIsListedSavedLoadedAndTheLogReplaysToTheSameWeights() {
        ShellFixture f = new ShellFixture(false);
        DefaultVirtualTerminal t = new DefaultVirtualTerminal(new TerminalSize(80, 24));
        for (char c : " nn+nnn-n q".toCharArray()) { // pause, 2 updates, lr x2, 3, lr /2, 1, resume, stop
            t.addInput(new KeyStroke(c, false, false));
        }
        f.shell.useScreens(mouse -> new TerminalScreen(t));
        f.shell.execute("set batch 25; train", () -> false);
        List<History.Change> changes = f.session.training().history().changes();
        assertEquals(3, changes.size(), changes.toString());
        int plus = changes.get(1).update();
        assertEquals(new History.Change(plus, "lr", "0.2"), changes.get(1));
        assertEquals(new History.Change(plus + 3, "lr", "0.1"), changes.get(2));
        assertTrue(f.session.iteration() >= plus + 4, "the pause came after an unknown number of updates, then 6");
        assertTrue(f.out().contains("update " + f.session.iteration() + " (epoch "), f.out());

        String file = dir.resolve("trained.npz").toString();
        f.shell.execute("save " + file, () -> false);
        ShellFixture loaded = new ShellFixture(false);
        loaded.shell.execute("load " + file + "; set", () -> false);
        assertTrue(loaded.out().contains("  before update " + (plus + 1) + ": lr = 0.2"), loaded.out());
        assertTrue(loaded.out().contains("  before update " + (plus + 4) + ": lr = 0.1"), loaded.out());

        ShellFixture replayed = new ShellFixture(false);
        List<String> log = f.shell.commandLog();
        assertEquals("step " + plus, log.get(1), log.toString());
        assertEquals("set lr 0.2", log.get(2), log.toString());
        for (String line : log.subList(0, log.size() - 1)) { // the last is the save
            replayed.shell.execute(line, () -> false);
        }
        assertEquals(f.session.iteration(), replayed.session.iteration());
        List<Tensor> a = f.session.network().tensors();
        List<Tensor> b = replayed.session.network().tensors();
        for (int k = 0; k < a.size(); k++) {
            for (int r = 0; r < a.get(k).rows(); r++) {
                assertTrue(Arrays.equals(a.get(k).values()[r], b.get(k).values()[r]), a.get(k).name() + " row " + r);
            }
        }
        loaded.shell.execute("step 2", () -> false);
        f.shell.execute("step 2", () -> false);
        assertTrue(Arrays.equals(f.session.network().tensors().get(0).values()[3],
                loaded.session.network().tensors().get(0).values()[3]), "the loaded session goes on as the trained one");
    }
}
