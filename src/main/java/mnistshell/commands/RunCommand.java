package mnistshell.commands;

import java.nio.file.Path;
import java.util.List;
import mnistshell.shell.Args;
import mnistshell.shell.Command;
import mnistshell.shell.Context;
import mnistshell.shell.ScriptRunner;
import org.jline.builtins.Completers;
import org.jline.reader.Completer;

/** {@code run FILE}: runs a command file as if its lines were typed, stopping at the first error. */
public final class RunCommand extends Command {

    public RunCommand() {
        super("run", "run FILE", "run the commands in FILE, one a line, '#' starts a comment");
    }

    @Override
    public String details() {
        return "Files may run files, up to " + ScriptRunner.MAX_DEPTH + " deep; an error names the file and line,\n"
                + "and the lines that ran it. The first error stops the file; 'set bail off' goes on past errors.";
    }

    @Override
    public boolean logged() {
        return false; // the lines of the file are logged one by one
    }

    @Override
    public List<Completer> argumentCompleters() {
        return List.of(new Completers.FileNameCompleter());
    }

    @Override
    public void run(Args args, Context ctx) {
        String file = args.next();
        if (file == null) {
            throw args.error("which file?");
        }
        args.done();
        new ScriptRunner(ctx.shell(), ctx::cancelled).runFile(Path.of(file));
    }
}
