package mnistshell.commands;

import java.util.ArrayList;
import java.util.List;
import mnistshell.render.SafeText;
import mnistshell.shell.Args;
import mnistshell.shell.Command;
import mnistshell.shell.Context;

/** {@code echo TEXT}: prints its words, for headings in command files and their output. */
public final class EchoCommand extends Command {

    public EchoCommand() {
        super("echo", "echo [TEXT...]", "print TEXT (quote it to keep spaces, ';' or '#')");
    }

    @Override
    public void run(Args args, Context ctx) {
        List<String> words = new ArrayList<>();
        for (String w = args.next(); w != null; w = args.next()) {
            words.add(w);
        }
        args.done();
        ctx.out().println(SafeText.escape(String.join(" ", words))); // a command file's text, shown safely
    }
}
