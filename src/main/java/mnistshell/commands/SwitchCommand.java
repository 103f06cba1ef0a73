package mnistshell.commands;

import mnistshell.shell.Args;
import mnistshell.shell.Command;
import mnistshell.shell.Context;

/** {@code switch NAME}: one of the named runs' commands (fork, runs, switch, drop). */
public final class SwitchCommand extends Command {

    public SwitchCommand() {
        super("switch", "switch NAME", "make run NAME current; the data and split stay as they are");
    }

    @Override
    public void run(Args args, Context ctx) {
        String name = args.next();
        args.done();
        if (name == null) {
            throw args.error("which run? switch NAME");
        }
        String from = ctx.session().runName();
        ctx.session().switchTo(name);
        ctx.out().printf("switched from %s to %s: %s, update %d%n", from, name, ctx.session().network().architecture(),
                ctx.session().iteration());
    }
}
