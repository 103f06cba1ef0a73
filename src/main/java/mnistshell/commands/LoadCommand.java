package mnistshell.commands;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mnistshell.render.DataInfo;
import mnistshell.render.SafeText;
import mnistshell.render.Wrap;
import mnistshell.shell.Args;
import mnistshell.shell.Command;
import mnistshell.shell.Completions;
import mnistshell.shell.Context;
import mnistshell.store.ModelPaths;
import mnistshell.store.RunFiles;
import mnistshell.store.LoadedSession;
import mnistshell.store.SessionLoader;
import org.jline.reader.Completer;

/** {@code load PATH}: a saved session, resumed exactly, or bare weights from {@code np.savez}. */
public final class LoadCommand extends Command {

    public LoadCommand() {
        super("load", "load PATH", "load a saved session (or np.savez'd W1 b1 W2 b2...) in place of this one");
    }

    @Override
    public String details() {
        return """
                PATH     a file, or a bare name in models/ ('load seed' is models/seed.npz), then in
         the models/ of the installation.
                The whole file is checked first; a bad one changes nothing. The data stays as loaded;
                if the session was trained on other data, load says so.
                A file with only W1, b1, W2, b2, ... (np.savez) gives a network of those shapes,
                update 0, with the assumptions printed.""";
    }

    @Override
    public List<Completer> argumentCompleters(Context ctx) {
        return List.of(Completions.all(Completions.words(() -> ModelPaths.names(ctx.shell().modelsDirectory())),
                Completions.paths(".npz")));
    }

    @Override
    public void run(Args args, Context ctx) {
        String given = args.next();
        if (given == null) {
            throw args.error("which file?");
        }
        args.done();
        if (RunFiles.holdsRuns(Path.of(given))) { // else a directory is refused as not a saved session
            RunFiles.LoadedRuns runs = RunFiles.loadAll(Path.of(given), ctx.session());
            ctx.out().printf("loaded %d runs from %s: %s; on %s%n", runs.names().size(),
                    SafeText.escape(Path.of(given).toString()), String.join(", ", runs.names()), runs.current());
            for (String note : runs.notes()) {
                ctx.out().println(SafeText.escape("note: " + note));
            }
            return;
        }
        Path file = ModelPaths.forLoad(given, ctx.shell().modelsDirectory());
        LoadedSession loaded = SessionLoader.load(file, ctx.session());
        boolean resplit = loaded.split() != null && !sameSplit(loaded.split(), ctx.session().split());
        ctx.session().restore(loaded.network(), loaded.init(), loaded.seed(), loaded.training(), loaded.split());
        List<String> log = new ArrayList<>(loaded.commands());
        ctx.shell().replaceCommandLog(log);
        // the file's name and what it says of itself are outside text: escaped
        ctx.out().println(Wrap.line(SafeText.escape("loaded " + file + ": " + ctx.session().describeNetwork()),
                Wrap.COLUMNS, 2));
        ctx.out().printf("at update %d, epoch %d, optimizer %s%n", ctx.session().iteration(),
                ctx.session().training().epoch(), ctx.session().training().settings().optimizer());
        if (resplit) {
            ctx.out().println(DataInfo.splitLine(ctx.session().split(), ctx.session().testGiven()) + ", as saved");
        }
        for (String note : loaded.notes()) {
            ctx.out().println(Wrap.line(SafeText.escape("note: " + note), Wrap.COLUMNS, 6));
        }
    }

    private static boolean sameSplit(mnistshell.data.Split a, mnistshell.data.Split b) {
        return java.util.Arrays.equals(a.train(), b.train()) && java.util.Arrays.equals(a.test(), b.test())
                && java.util.Arrays.equals(a.val(), b.val());
    }
}
