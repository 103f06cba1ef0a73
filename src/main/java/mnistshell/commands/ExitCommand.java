package mnistshell.commands;

import mnistshell.shell.Args;
import mnistshell.shell.Command;
import mnistshell.shell.Context;

/** {@code exit} and its twin {@code quit}: leave the shell (Ctrl-D does the same). */
public final class ExitCommand extends Command {

    public ExitCommand(String name) {
        super(name, name, "leave the shell (Ctrl-D does the same)");
    }

    @Override
    public void run(Args args, Context ctx) {
        args.done();
        ctx.shell().requestExit();
    }
}
