package mnistshell.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import mnistshell.Main;
import mnistshell.commands.Commands;
import mnistshell.data.Split;
import mnistshell.nn.Activation;
import mnistshell.nn.Init;
import mnistshell.nn.Network;
import mnistshell.nn.TestData;
import mnistshell.session.Session;
import mnistshell.shell.Args;
import mnistshell.shell.Command;
import mnistshell.shell.CommandTable;
import mnistshell.shell.Context;
import mnistshell.shell.Shell;
import mnistshell.errors.ShellError;
import mnistshell.train.Settings;
import mnistshell.train.Training;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Running out of memory is an error, not a crash: estimates refuse in one line what would not fit,
 * and an OutOfMemoryError that happens all the same is reported in one line with the session as it
 * was. The heap is made small in a child JVM, so that the limits are real and the same on any machine.
 */
class OutOfMemoryTest {

    static final String HEAP = "-Xmx64m";

    @TempDir
    Path dir;

    record Run(int status, List<String> out, List<String> err) {
    }

    Run child(String mainClass, String... args) throws Exception {
        return childWithHeap(HEAP, mainClass, args);
    }

    Run childWithHeap(String heap, String mainClass, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                heap, "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child JVM did not finish");
        return new Run(p.exitValue(), Files.readAllLines(out), Files.readAllLines(err));
    }

    /** The child's heap as the shell names it: -Xmx64m less what the collector keeps for itself. */
    String heapMb() throws Exception {
        Run r = child(HeapSize.class.getName());
        return r.out().get(0);
    }

    public static final class HeapSize {
        public static void main(String[] args) {
            System.out.println(Heap.size(Runtime.getRuntime().maxMemory()));
        }
    }

    Run shell(String commands) throws Exception {
        return child(Main.class.getName(), "-c", "set bail off; " + commands);
    }

    @Test
    void initRefusesANetworkWhoseTrainingWouldNotFitAndKeepsTheOldOne() throws Exception {
        Run r = shell("init 784-100000-10; step 1");
        assertEquals(1, r.status());
        assertEquals(1, r.err().size(), r.err().toString());
        String line = r.err().get(0);
        assertTrue(line.matches("-c: error: init: 784-100000-10 needs [0-9.]+ GB to train on 9000 images, "
                + "the heap has [0-9.]+ MB free; nothing changed"), line);
        assertTrue(r.out().stream().anyMatch(l -> l.startsWith("update 1 (epoch 1)")), "the seed network still trains");
    }

    @Test
    void aSmallGzipThatExpandsToMoreImagesThanTheHeapHoldsIsRefusedAndTheSampleStays() throws Exception {
        Path csv = dir.resolve("huge.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(csv), 1 << 16)) {
            StringBuilder header = new StringBuilder("label");
            StringBuilder row = new StringBuilder("3");
            for (int i = 0; i < 784; i++) {
                header.append(",pixel").append(i);
                row.append(",0");
            }
            out.write((header + "\n").getBytes(StandardCharsets.US_ASCII));
            byte[] line = (row + "\n").getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 120_000; i++) { // 94 MB of pixels from a file of a few hundred KB
                out.write(line);
            }
        }
        assertTrue(Files.size(csv) < 2_000_000, "the gzip is small: " + Files.size(csv));
        Run r = shell("data load huge.csv.gz; data info");
        assertEquals(1, r.status());
        assertEquals(1, r.err().size(), r.err().toString());
        assertTrue(r.err().get(0).matches("-c: error: huge\\.csv\\.gz: line \\d+: needs [0-9.]+ MB to hold \\d+ images, "
                + "the heap has [0-9.]+ MB free"), r.err().get(0));
        assertTrue(r.out().contains("source: embedded sample"), r.out().toString());
    }

    @Test
    void anIdxHeaderPromisingMoreThanTheHeapHoldsIsRefusedBeforeReading() throws Exception {
        Path images = dir.resolve("images.idx.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(images))) {
            out.write(new byte[] {0, 0, 8, 3, 0, 0x0F, 0x42, 0x40, 0, 0, 0, 28, 0, 0, 0, 28}); // 1,000,000 images
            out.write(new byte[4096]);
        }
        Path labels = dir.resolve("labels.idx");
        Files.write(labels, new byte[] {0, 0, 8, 1, 0, 0x0F, 0x42, 0x40});
        Run r = shell("data load images.idx.gz labels.idx; data info");
        assertEquals(1, r.err().size(), r.err().toString());
        assertTrue(r.err().get(0).contains("images.idx.gz: byte 16: header promises 1000000 images of 28x28")
                && r.err().get(0).contains("the heap has"), r.err().get(0));
        assertTrue(r.out().contains("source: embedded sample"), r.out().toString());
    }

    @Test
    void loadRefusesASessionWhoseTrainingWouldNotFitAndKeepsTheOneThere() throws Exception {
        Path big = dir.resolve("big.npz");
        assertEquals(0, childWithHeap("-Xmx2g", Main.class.getName(), "-c", "init 784-600-10; save " + big).status());
        Run r = shell("step 1; load big.npz; step 1");
        assertEquals(1, r.err().size(), r.err().toString());
        assertTrue(r.err().get(0).matches("-c: error: .*big\\.npz: the session needs [0-9.]+ [MG]B to train "
                + "784-600-10 on 9000 images, the heap has [0-9.]+ MB free; nothing changed"), r.err().get(0));
        assertTrue(r.out().stream().anyMatch(l -> l.startsWith("update 2 (epoch 2)")), r.out().toString());
    }

    @Test
    void anOutOfMemoryErrorDuringAnUpdateStopsTrainingWithTheSessionAsItWas() throws Exception {
        Run r = child(TrainingChild.class.getName());
        assertEquals(0, r.status(), r.out() + " " + r.err());
        assertEquals(List.of("failure: update 1: out of memory (" + heapMb() + " heap); stopped, the weights are the initial ones",
                "updates 0, history 0, weights unchanged true, order unchanged true"), r.out());
    }

    /** Trains a network too wide for the child's heap, bypassing init's estimate, so the kernel's buffers fail. */
    public static final class TrainingChild {
        public static void main(String[] args) {
            var data = TestData.random(600, 28, 28, 1);
            Split split = Split.shuffled(data.size(), 50, 1);
            Network net = Network.create(new int[] {784, 2000, 10}, Activation.LeakyRelu.SEED, Init.HE, 1);
            double[] before = net.tensors().get(0).values()[7].clone();
            Training t = new Training(net, Settings.defaults(), 1);
            var mark = t.order().mark();
            Training.Outcome o;
            try {
                o = t.runUpdates(3, data, split, () -> false, d -> { }, l -> { });
            } catch (OutOfMemoryError e) {
                System.out.println("the error escaped the run");
                return;
            }
            System.out.println("failure: " + o.failure());
            System.out.println("updates " + t.updates() + ", history " + t.history().points().size()
                    + ", weights unchanged " + java.util.Arrays.equals(before, net.tensors().get(0).values()[7])
                    + ", order unchanged " + mark.equals(t.order().mark()));
            t.close();
        }
    }

    @Test
    void theDispatchTurnsAnOutOfMemoryErrorIntoOneLineAndTheShellGoesOn() throws Exception {
        Run r = child(HungryChild.class.getName());
        assertEquals(0, r.status(), r.out() + " " + r.err());
        assertEquals(List.of("error: hungry: out of memory: the Java heap (" + heapMb() + ") cannot hold what it needs; nothing changed",
                "internal false, one line true", "updates after: 1"), r.out());
    }

    /** A shell with one more command, which allocates until the heap gives out, then a step. */
    public static final class HungryChild {
        public static void main(String[] args) {
            Command hungry = new Command("hungry", "hungry", "allocates more than there is") {
                public void run(Args a, Context ctx) {
                    long[][] hoard = new long[1 << 16][];
                    for (int i = 0; i < hoard.length; i++) {
                        hoard[i] = new long[1 << 17]; // 1 MB each, until the heap gives out
                    }
                }
            };
            List<Command> all = new ArrayList<>(Commands.table().all());
            all.add(hungry);
            Session session = new Session(TestData.random(100, 28, 28, 1), Split.shuffled(100, 10, 1), 1);
            PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
            Shell shell = new Shell(session, new CommandTable(all), out, false);
            try {
                shell.execute("hungry", () -> false);
                System.out.println("no error");
            } catch (ShellError e) {
                System.out.println("error: " + e.getMessage());
                System.out.println("internal " + e.isInternal() + ", one line " + !e.getMessage().contains("\n"));
            }
            shell.execute("step 1", () -> false);
            System.out.println("updates after: " + session.iteration());
        }
    }
}
