package mnistshell.commands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import mnistshell.render.SafeText;
import mnistshell.shell.Args;
import mnistshell.shell.Command;
import mnistshell.shell.Context;
import mnistshell.errors.ShellError;
import mnistshell.session.Session;
import mnistshell.store.ModelPaths;
import mnistshell.store.RunFiles;
import mnistshell.store.SessionFile;
import org.jline.builtins.Completers;
import org.jline.reader.Completer;

/** {@code save [PATH]}: the whole session to a .npz that resumes exactly and that numpy opens. */
public final class SaveCommand extends Command {

    public SaveCommand() {
        super("save", "save [PATH] | save --all DIR", "save the session (weights, optimizer state, settings, history) to a .npz");
    }

    @Override
    public String details() {
        return """
                PATH     a bare name goes into models/ (default: named after the session, e.g.
                         784-10-10-gd-u3000.npz), created if missing; a path with a
                         directory is taken as given, and its directory must exist.
                The file is written beside the old one and renamed into place, so a crash leaves
                the old file whole. numpy opens it: np.load(PATH)['W1'] is (10, 784).
                'load PATH' resumes it exactly: the next update is the one this session would make.
                --all DIR  every run (fork NAME) as DIR/NAME.npz; load DIR brings them all back.""";
    }

    @Override
    public List<Completer> argumentCompleters() {
        return List.of(new Completers.FileNameCompleter());
    }

    @Override
    public void run(Args args, Context ctx) {
        String all = args.option("--all");
        String given = args.next();
        args.done();
        if (all != null) {
            Session s = ctx.session();
            RunFiles.saveAll(s, ctx.shell().commandLog(), Path.of(all));
            ctx.out().printf("saved %d runs to %s: %s%n", s.runNames().size(),
                    SafeText.escape(Path.of(all).toString()), String.join(", ", s.runNames()));
            return;
        }
        Path target = ModelPaths.forSave(given == null ? ctx.session().defaultName() : given,
                ctx.shell().modelsDirectory());
        createModelsDirectory(target, ctx);
        SessionFile.save(ctx.session(), ctx.shell().commandLog(), target);
        ctx.out().printf("saved %s: network %s, update %d, epoch %d, optimizer %s%n", SafeText.escape(target.toString()),
                ctx.session().network().architecture(), ctx.session().iteration(), ctx.session().training().epoch(),
                ctx.session().training().settings().optimizer());
    }

    /** models/ is the one directory made for the user, and the shell says so; any other must exist. */
    private static void createModelsDirectory(Path target, Context ctx) {
        Path models = ctx.shell().modelsDirectory();
        if (!models.equals(target.getParent()) || Files.exists(models, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.createDirectories(models);
        } catch (IOException e) {
            throw new ShellError("save: cannot create " + models + ": " + e.getMessage());
        }
        ctx.out().println("created " + models + "/ for saved sessions");
    }
}
