package mnistshell.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mnistshell.commands.Commands;
import mnistshell.data.CsvFixtures;
import mnistshell.data.Dataset;
import mnistshell.data.EmbeddedSample;
import mnistshell.data.IdxFixtures;
import mnistshell.session.Session;
import mnistshell.store.Npy;
import mnistshell.store.NpzWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every line a person reads fits 80 columns, counted in characters: every command's help, the
 * commands in their common forms on the embedded sample, and the errors they can be led to. A line
 * over 80 fails with the command that printed it and the line itself, so a new command's output is
 * judged as soon as it is registered (its help is taken from the table). The same outputs read
 * their numbers one way: no number grouped with commas, shares as percentages, ratios in
 * scientific notation.
 */
class EightyColumnsTest {

    static final int COLUMNS = 80;

    @TempDir
    static Path dir;

    static Dataset sample;

    static void files() throws IOException {
        sample = EmbeddedSample.load();
        Path mnist = Files.createDirectories(dir.resolve("a-directory-of-mnist-files-with-a-long-name"));
        Files.write(mnist.resolve("train-images-idx3-ubyte.gz"), IdxFixtures.gzip(images(0, 300)));
        Files.write(mnist.resolve("train-labels-idx1-ubyte.gz"), IdxFixtures.gzip(labels(0, 300)));
        Files.write(mnist.resolve("t10k-images-idx3-ubyte"), images(300, 400));
        Files.write(mnist.resolve("t10k-labels-idx1-ubyte"), labels(300, 400));
        Files.writeString(dir.resolve("train.csv"), CsvFixtures.csv(sample, 200, true, true, "\n"));
        Files.writeString(dir.resolve("test.csv"), CsvFixtures.csv(sample, 50, true, false, "\n"));
        Files.writeString(dir.resolve("bad.csv"), "label,pixel0\n3,oops\n");
        Files.writeString(dir.resolve("inner.msh"), "echo inner\nstep x\n");
        Map<String, byte[]> bare = new LinkedHashMap<>();
        bare.put("W1.npy", Npy.write(new double[10][784]));
        bare.put("b1.npy", Npy.write(new double[10][1]));
        bare.put("W2.npy", Npy.write(new double[10][10]));
        bare.put("b2.npy", Npy.write(new double[10][1]));
        try (OutputStream out = Files.newOutputStream(dir.resolve("bare.npz"))) {
            NpzWriter.write(bare, out);
        }
    }

    private static byte[] images(int from, int to) {
        return IdxFixtures.images(to - from, 28, 28, Arrays.copyOfRange(sample.pixels(), from * 784, to * 784));
    }

    private static byte[] labels(int from, int to) {
        return IdxFixtures.labels(Arrays.copyOfRange(sample.labels(), from, to));
    }

    /** One typed line and what a user reads after it: its output and its error line, as printed. */
    record Printed(String line, String text) {
    }

    /** Runs {@code lines} in turn on one shell over the sample, as at the prompt. */
    static List<Printed> printed(List<String> lines) {
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
        Shell shell = new Shell(Session.withEmbeddedSample(), Commands.table(), out, false);
        shell.setModelsDirectory(dir.resolve("models"));
        ErrorReporter reporter = new ErrorReporter(err, false);
        List<Printed> all = new ArrayList<>();
        for (String line : lines) {
            outBytes.reset();
            errBytes.reset();
            try {
                shell.execute(line.replace("DIR", dir.toString()), () -> false);
            } catch (RuntimeException e) {
                reporter.report(e); // as at the prompt
            }
            // a path the user typed is the user's: the test's temporary directory is counted as 'd'
            all.add(new Printed(line, (outBytes.toString(StandardCharsets.UTF_8) + errBytes.toString(StandardCharsets.UTF_8))
                    .replace(dir.toString(), "d")));
        }
        return all;
    }

    private static List<String> problems(List<Printed> printed) {
        List<String> found = new ArrayList<>();
        for (Printed p : printed) {
            int n = 0;
            for (String row : p.text().split("\n")) {
                n++;
                int length = row.codePointCount(0, row.length());
                if (length > COLUMNS) {
                    found.add("'" + p.line() + "', line " + n + " (" + length + " characters): " + row);
                }
            }
        }
        return found;
    }

    private static void assertFits(List<Printed> printed) {
        List<String> found = problems(printed);
        if (!found.isEmpty()) {
            fail(found.size() + " lines over " + COLUMNS + " columns:\n" + String.join("\n", found));
        }
    }

    /** The outputs of help, of the common forms and of the errors, made once for every check below. */
    static List<Printed> help;
    static List<Printed> common;
    static List<Printed> errors;

    @BeforeAll
    static void outputs() throws IOException {
        files();
        List<String> lines = new ArrayList<>(List.of("help"));
        for (Command c : Commands.table().all()) {
            lines.add("help " + c.name());
        }
        assertTrue(lines.size() > 20);
        help = printed(lines);
        common = printed(COMMON_FORMS);
        errors = printed(ERRORS);
    }

    static final List<String> COMMON_FORMS = List.of(
            "set", "set lr 0.05", "set schedule cosine 1000 0.001", "set", "set echo off",
            "init", "init 784-16-10 --act tanh --init xavier --seed 3",
            "step 3", "epoch 1", "eval", "train 2", "show 5", "show --wrong", "predict 5",
            "weights", "weights W1", "weights b1", "weights W1 --neuron 2", "weights --png DIR/w.png",
            "grads", "grads dW1", "grads db2", "activations", "errors", "errors --label 4 --pred 9",
            "errors --train --limit 3", "confusion", "confusion --train", "history",
            "history --csv DIR/h.csv --png DIR/h.png", "gradcheck --samples 2", "expect step >= 1",
            "view weights", "view weights 2", "echo a heading", "save DIR/s.npz", "models",
            "save a-name", "models", "load DIR/s.npz", "load DIR/bare.npz",
            "data info", "data split --test 500", "data normalize off", "data normalize on",
            "data load DIR/train.csv", "data load DIR/test.csv", "show unlabelled:3", "predict unlabelled:3",
            "predict --out DIR/p.csv", "data info",
            "data load DIR/a-directory-of-mnist-files-with-a-long-name", "data info",
            "set bias-grad seed", "step 1", "grads db2", "set engine reference", "step 1",
            "bench --runs 1 --updates 1", "set engine fast",
            // a deep sigmoid network, for the gradient flow warning's ratio; then named runs
            "init 784-16-16-16-16-16-16-10 --act sigmoid --init xavier", "step 3", "grads",
            "expect test-accuracy >= 0", "data split --test 500 --val 500", "step 1", "eval", "eval --test",
            "best", "fork other", "step 1", "runs", "compare", "history", "history --layers", "switch main",
            // with several runs, data load and split work: each trained run is warned
            "data load DIR/train.csv", "data split --test 50 --val 50", "step 2", "fork a-rather-long-run-name",
            "set lr 0.5", "step 3", "runs", "best", "compare", "compare --png DIR/c.png",
            "sweep lr 0.05,0.2 --steps 2");

    static final List<String> ERRORS = List.of(
            "stpe", "nosuchcommand at all", "init 784-0-10", "init 784-10", "init 10-10-10",
            "init --act nope", "init --init nope", "init --seed x", "init --slope 2 --act tanh",
            "init 784-10-10 extra words here", "set nope 1", "set lr", "set lr -1", "set lr x",
            "set optimizer nope", "set batch 0", "set batch x", "set schedule nope", "set schedule step",
            "set schedule cosine 10 5", "set threads 0", "set threads 100000", "set engine nope",
            "set diverge 0", "set echo maybe", "step x", "step -1", "step 1 2",
            "epoch x", "train x", "show x", "show 99999999", "show drawn:0", "show unlabelled:0",
            "show --nope", "predict", "predict x", "predict --out", "weights X9", "weights W1 --neuron x",
            "weights W1 --neuron 99999", "weights --png DIR/no/such/dir/w.png", "grads nope",
            "errors --label 11", "errors --limit x", "errors --label 1 --pred 1", "history --csv",
            "history --csv DIR/no/such/dir/h.csv", "gradcheck --samples 0", "gradcheck --samples x",
            "expect", "expect loss", "expect nope < 1", "expect loss ~ 1", "expect loss < x",
            "expect step > 1000000", "view", "view nope", "view weights 9", "draw", "run",
            "run DIR/no-such-file.msh", "run DIR/inner.msh", "save DIR/no/such/dir/s.npz", "load",
            "load no-such-model", "load DIR/train.csv", "data", "data nope", "data load",
            "data load DIR/no-such-file", "data load DIR/bad.csv", "data split", "data split --test x",
            "data split --test 999999", "data normalize maybe", "bench --runs 0", "bench --updates x",
            "help nope", "exit now",
            "expect step > x", "expect test-accuracy > 2");

    @Test
    void everyCommandsHelpFits() {
        assertFits(help);
    }

    @Test
    void commonFormsFit() {
        assertFits(common);
    }

    @Test
    void errorsFit() {
        assertFits(errors);
    }

    /** What the shell printed of itself: text the user typed, quoted back in '...' (not an apostrophe), left out. */
    private static List<String> ownText(List<Printed> printed) {
        List<String> rows = new ArrayList<>();
        for (Printed p : printed) {
            for (String row : p.text().split("\n")) {
                rows.add("'" + p.line() + "': " + row.replaceAll("(?<![A-Za-z0-9])'[^']*'", "''"));
            }
        }
        return rows;
    }

    private static List<String> ownRows() {
        List<String> rows = ownText(common);
        rows.addAll(ownText(errors));
        return rows;
    }

    /** Numbers read one way: an index or a count is never grouped with commas, so 2,566 is never two numbers. */
    @Test
    void noPrintedNumberIsGroupedWithCommas() {
        Pattern grouped = Pattern.compile("\\d,\\d{3}(?!\\d)");
        assertEquals(List.of(), ownRows().stream().filter(r -> grouped.matcher(r.substring(r.indexOf("': "))).find())
                .toList());
    }

    /** A share (an accuracy, the share of something, a confidence, recall, precision) is a percentage. */
    @Test
    void everyShareIsAPercentage() {
        Pattern share = Pattern.compile("\\b(accuracy|share[^:]*:|confidence|recall|precision)[ :]+(\\d[\\d.]*)(%?)");
        List<String> found = new ArrayList<>();
        int shares = 0;
        for (String row : ownRows()) {
            Matcher m = share.matcher(row.substring(row.indexOf("': ")));
            while (m.find()) {
                shares++;
                if (m.group(3).isEmpty()) {
                    found.add(row);
                }
            }
        }
        assertTrue(shares > 10, "the outputs show shares: " + shares);
        assertEquals(List.of(), found);
    }

    /**
     * A ratio is in scientific notation: the update/weight column of grads and the gradient flow
     * warning's factor, at whatever size.
     */
    @Test
    void everyRatioIsInScientificNotation() {
        Pattern scientific = Pattern.compile("0|-?\\d\\.\\de-?\\d+");
        List<String> found = new ArrayList<>();
        int ratios = 0;
        for (Printed p : common) {
            String[] rows = p.text().split("\n");
            boolean inTable = false;
            for (String row : rows) {
                String[] cells = row.trim().split(" +");
                if (row.endsWith("upd/w")) {
                    inTable = true;
                } else if (inTable && cells.length > 1 && cells[0].matches("d[Wb]\\d+")) {
                    ratios++;
                    if (!scientific.matcher(cells[cells.length - 1]).matches()) {
                        found.add("'" + p.line() + "': " + row);
                    }
                } else {
                    inTable = false;
                }
                Matcher factor = Pattern.compile("norm is (\\S+) times (smaller|larger)").matcher(row);
                if (factor.find()) {
                    ratios++;
                    if (!scientific.matcher(factor.group(1)).matches()) {
                        found.add("'" + p.line() + "': " + row);
                    }
                }
            }
        }
        assertTrue(ratios > 10, "the outputs show ratios: " + ratios);
        assertEquals(List.of(), found);
    }
}
