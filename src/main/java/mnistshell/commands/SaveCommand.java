package mnistshell.commands;

import java.nio.file.Path;
import java.util.List;
import mnistshell.render.SafeText;
import mnistshell.shell.Args;
import mnistshell.shell.Command;
import mnistshell.shell.Context;
import mnistshell.store.SessionFile;
import org.jline.builtins.Completers;
import org.jline.reader.Completer;

/** {@code save [PATH]}: the whole session to a .npz that resumes exactly and that numpy opens. */
public final class SaveCommand implements Command {

    @Override
    public String name() {
        return "save";
    }

    @Override
    public String usage() {
        return "save [PATH]";
    }

    @Override
    public String summary() {
        return "save the session (weights, optimizer state, settings, history) to a .npz";
    }

    @Override
    public String details() {
        return """
                PATH     a bare name goes into models/ (default: named after the session, e.g.
                         784-10-10-gd-u3000.npz); a path with a directory is taken as given.
                The file is written beside the old one and renamed into place, so a crash leaves
                the old file whole. numpy opens it: np.load(PATH)['W1'] is (10, 784).
                'load PATH' resumes it exactly: the next update is the one this session would make.""";
    }

    @Override
    public List<Completer> argumentCompleters() {
        return List.of(new Completers.FileNameCompleter());
    }

    @Override
    public void run(Args args, Context ctx) {
        String given = args.next();
        args.done();
        Path target = ModelPaths.forSave(given == null ? ctx.session().defaultName() : given,
                ctx.shell().modelsDirectory());
        SessionFile.save(ctx.session(), ctx.shell().commandLog(), target);
        ctx.out().printf("saved %s: network %s, update %d, epoch %d, optimizer %s%n", SafeText.escape(target.toString()),
                ctx.session().network().architecture(), ctx.session().iteration(), ctx.session().training().epoch(),
                ctx.session().training().settings().optimizer());
    }
}
