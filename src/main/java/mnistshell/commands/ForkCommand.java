package mnistshell.commands;

import mnistshell.shell.Args;
import mnistshell.shell.Command;
import mnistshell.shell.Context;

/** {@code fork NAME}: one of the named runs' commands (fork, runs, switch, drop). */
public final class ForkCommand extends Command {

    public ForkCommand() {
        super("fork", "fork NAME", "copy the current run (network, optimizer state, settings, history) as NAME and switch to it");
    }

    @Override
    public void run(Args args, Context ctx) {
        String name = args.next();
        args.done();
        if (name == null) {
            throw args.error("which run? fork NAME");
        }
        String from = ctx.session().runName();
        ctx.session().fork(name);
        ctx.out().println(mnistshell.render.Wrap.line(String.format("forked run %s from %s at update %d; now on %s",
                name, from, ctx.session().iteration(), name), mnistshell.render.Wrap.COLUMNS, 2));
    }
}
