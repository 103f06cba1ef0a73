package mnistshell.commands;

import java.nio.file.Path;
import java.util.List;
import mnistshell.data.Dataset;
import mnistshell.data.DatasetLoader;
import mnistshell.data.Loaded;
import mnistshell.data.UnlabelledSet;
import mnistshell.render.DataInfo;
import mnistshell.render.SafeText;
import mnistshell.render.Wrap;
import mnistshell.session.Session;
import mnistshell.shell.Args;
import mnistshell.shell.Command;
import mnistshell.shell.Context;
import org.jline.builtins.Completers;
import org.jline.reader.Completer;
import org.jline.reader.impl.completer.StringsCompleter;

/**
 * {@code data load|info|split|normalize}: what the network learns from. Loading reads everything
 * into new objects first ({@link DatasetLoader}) and swaps them into the session only once the whole
 * file has been read, so a refused file leaves data and network exactly as they were.
 */
public final class DataCommand extends Command {

    static final List<String> SUBCOMMANDS = List.of("load", "info", "split", "normalize");

    public DataCommand() {
        super("data", "data load|info|split|normalize ...", "load MNIST (IDX, directory, Kaggle CSV), show it, re-split it, switch pixel scaling");
    }

    @Override
    public String details() {
        return """
                data load PATH [LABELS]  the format is recognised from the content, never the name:
                    an IDX image file and its label file (raw or gzipped, either order);
                    a directory with MNIST's four files: train, and t10k kept as the test set;
                    a CSV, with header (Kaggle's label,pixel0,...) or without, gzipped or not,
                    CRLF or LF, with or without a UTF-8 byte-order mark. A CSV without a label
                    column (Kaggle's test.csv) is held beside the training data for predict --out.
                  Labelled data is split %d test / rest train by a seeded shuffle (seed %d).
                  The network is kept when its input size matches the new images.
                data info                source, image count, class counts, split, scaling, memory
                data split --test N [--val M] [--seed S]  hold out N test images by a
                                         seeded shuffle (default seed %d), and M validation
                                         images (default 0) to tune on: step, eval, history
                                         and expect then show validation, and the test
                                         images only eval --test, confusion --test and
                                         errors --test; all but one image at most; a test
                                         set that came with the data is kept
                data normalize on|off    off feeds raw 0-255 pixels, as the seed notebook first did
                """.formatted(Session.DEFAULT_TEST_IMAGES, Session.DEFAULT_SEED, Session.DEFAULT_SEED);
    }

    @Override
    public List<Completer> argumentCompleters() {
        StringsCompleter subcommands = new StringsCompleter(SUBCOMMANDS);
        Completer files = new Completers.FileNameCompleter();
        StringsCompleter onOff = new StringsCompleter("on", "off");
        StringsCompleter splitOptions = new StringsCompleter("--test", "--val", "--seed");
        Completer rest = (reader, line, candidates) -> {
            switch (line.words().get(1)) {
                case "load" -> files.complete(reader, line, candidates);
                case "normalize" -> onOff.complete(reader, line, candidates);
                case "split" -> splitOptions.complete(reader, line, candidates);
                default -> { }
            }
        };
        return List.of(subcommands, rest);
    }

    @Override
    public void run(Args args, Context ctx) {
        String sub = args.next();
        if (sub == null) {
            throw args.error("which? " + String.join(", ", SUBCOMMANDS));
        }
        switch (sub) {
            case "load" -> load(args, ctx);
            case "info" -> info(args, ctx);
            case "split" -> split(args, ctx);
            case "normalize" -> normalize(args, ctx);
            default -> throw args.error("'" + sub + "' is not " + String.join(", ", SUBCOMMANDS.subList(0, SUBCOMMANDS.size() - 1))
                    + " or " + SUBCOMMANDS.get(SUBCOMMANDS.size() - 1));
        }
    }

    private static void load(Args args, Context ctx) {
        String path = args.next();
        String labels = args.next();
        args.done();
        if (path == null) {
            throw args.error("load what? data load PATH [LABELS]");
        }
        long start = System.nanoTime();
        Loaded loaded = DatasetLoader.load(Path.of(path), labels == null ? null : Path.of(labels),
                ctx::cancelled);
        double seconds = (System.nanoTime() - start) / 1e9;
        Session session = ctx.session();
        if (!loaded.isLabelled()) {
            holdUnlabelled(ctx, session, loaded.unlabelled(), seconds);
            return;
        }
        Dataset data = loaded.data();
        boolean kept = session.replaceData(data, loaded.givenSplit());
        ctx.out().println(Wrap.line(String.format("loaded %d labelled images of %dx%d from %s in %.2f s",
                data.size(), data.rows(), data.cols(), SafeText.escape(data.source()), seconds), Wrap.COLUMNS, 2));
        ctx.out().println(DataInfo.splitLine(session.split(), session.testGiven()));
        if (kept) {
            ctx.out().printf("network %s kept: the input size %d matches (update %d)%n",
                    session.network().architecture(), data.features(), session.iteration());
            warnIfSeen(ctx, session);
        } else {
            ctx.out().printf("new input size %d: fresh network %s, seed %d%n",
                    data.features(), session.network().architecture(), session.initSeed());
        }
    }

    private static void holdUnlabelled(Context ctx, Session session, UnlabelledSet set, double seconds) {
        session.setUnlabelled(set);
        ctx.out().println(Wrap.line(String.format("loaded %d unlabelled images of %dx%d from %s in %.2f s",
                set.size(), set.rows(), set.cols(), SafeText.escape(set.source()), seconds), Wrap.COLUMNS, 2));
        ctx.out().println("held for show unlabelled:N and predict --out");
        ctx.out().println(Wrap.line("training data and network unchanged: " + SafeText.escape(session.data().source()),
                Wrap.COLUMNS, 2));
    }

    private static void info(Args args, Context ctx) {
        args.done();
        ctx.out().print(DataInfo.describe(ctx.session().data(), ctx.session().split(), ctx.session().testGiven(),
                ctx.session().unlabelled()));
    }

    private static void split(Args args, Context ctx) {
        Session session = ctx.session();
        int size = session.data().size();
        int test = args.intOption("--test", -1, 0, Math.max(0, size - 1));
        int val = args.intOption("--val", 0, 0, Math.max(0, size - 1));
        long seed = args.longOption("--seed", Session.DEFAULT_SEED, Long.MIN_VALUE, Long.MAX_VALUE);
        args.done();
        if (session.testGiven()) {
            throw args.error("the " + session.split().test().length + " test images came with the data"
                    + " and stay: split other data");
        }
        if (size < 2) {
            throw args.error("one image cannot be split");
        }
        if (test < 0) {
            throw args.error("split needs --test N, N from 0 to " + (size - 1));
        }
        if ((long) test + val > size - 1) {
            throw args.error("--test " + test + " and --val " + val + " hold out " + ((long) test + val)
                    + " images: at most " + (size - 1) + ", so that one is left to train on");
        }
        session.resplit(test, val, seed);
        ctx.out().println(DataInfo.splitLine(session.split(), session.testGiven()) + "; network kept");
        warnIfSeen(ctx, session);
    }

    /** A kept network may have trained on images now held out, or on other pixels: never silently, run by run. */
    private static void warnIfSeen(Context ctx, Session session) {
        boolean several = session.runNames().size() > 1;
        session.lastWarnings().forEach((run, warning) -> ctx.out().println(
                Wrap.line((several ? run + ": " : "") + warning, Wrap.COLUMNS, 2)));
    }

    private static void normalize(Args args, Context ctx) {
        String word = args.next();
        args.done();
        if (!"on".equals(word) && !"off".equals(word)) {
            throw args.error("data normalize on|off, found " + (word == null ? "nothing" : "'" + word + "'"));
        }
        ctx.session().setNormalized(word.equals("on"));
        ctx.out().println(DataInfo.scalingLine(ctx.session().data()));
        warnIfSeen(ctx, ctx.session());
    }
}
