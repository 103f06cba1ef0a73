package mnistshell.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import mnistshell.shell.ShellFixture;
import org.junit.jupiter.api.Test;

class HelpCommandTest {

    @Test
    void aShortUsageHasItsSummaryBesideIt() {
        // "  step [N]" is 10 columns; the summary starts at column 2 + 22 + 2 = 26
        assertEquals("  step [N]" + " ".repeat(16) + "train a little\n", HelpCommand.entry("step [N]", "train a little"));
    }

    @Test
    void aLongUsageHasItsSummaryOnTheNextLineAndLongSummariesWrap() {
        String usage = "init [SPEC] [--act A] [--seed N]";
        String summary = "word ".repeat(30).trim();
        String[] lines = HelpCommand.entry(usage, summary).split("\n");
        assertEquals("  " + usage, lines[0]);
        for (int i = 1; i < lines.length; i++) {
            assertTrue(lines[i].startsWith(" ".repeat(26) + "word"), lines[i]);
            assertTrue(lines[i].length() <= 80, lines[i]);
        }
        // 30 words of 4 letters and their spaces: 149 characters over lines of at most 54
        assertEquals(3, lines.length - 1);
    }

    @Test
    void theWholeTableFitsEightyColumns() {
        ShellFixture f = new ShellFixture(false);
        f.shell.execute("help", () -> false);
        for (String line : f.out().split("\n")) {
            assertTrue(line.length() <= 80, line.length() + ": " + line);
        }
        for (mnistshell.shell.Command c : f.shell.commands().all()) {
            assertTrue(f.out().contains(c.usage()), "lists " + c.name());
        }
    }

    @Test
    void helpActivationsSaysWhichWordMeansWhat() {
        String out = new ShellFixture(false).run("help activations");
        // each word on a line of its own, defined for the activations it fits
        assertTrue(out.contains("\ndead       ReLU and Leaky ReLU only"), out);
        assertTrue(out.contains("\nsaturated  sigmoid and tanh only"), out);
        assertTrue(out.contains("\nactive     its output"), out);
        assertTrue(out.contains("passes no gradient back"), "dead: no gradient through it: " + out);
        assertTrue(out.contains("Sigmoid and tanh units are never called dead"), out);
        assertTrue(out.contains("the share of the\n           gradient that still flows"), "saturated: how much still flows: " + out);
    }

    @Test
    void helpSaveSaysWhereABareNameGoes() {
        String text = new ShellFixture(false).run("help save").replace('\n', ' ').replaceAll(" +", " ");
        assertTrue(text.contains("a bare name goes into models/"), text);
        assertTrue(text.contains("a path with a directory is taken as given, and its directory must exist"), text);
    }

    @Test
    void helpDrawSaysTheSaliencyFollowsTheDrawingAndPTurnsThePreparationOffAndOn() {
        String out = new ShellFixture(false).run("help draw");
        String text = out.replace('\n', ' ');
        assertTrue(text.contains("The saliency of what the network sees follows the drawing beside it."), out);
        assertTrue(text.contains("p turns the MNIST preparation off and on"), out);
        for (String line : out.split("\n")) {
            assertTrue(line.length() <= 80, line.length() + ": " + line);
        }
    }
}
