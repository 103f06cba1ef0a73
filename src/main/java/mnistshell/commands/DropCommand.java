package mnistshell.commands;

import mnistshell.shell.Args;
import mnistshell.shell.Command;
import mnistshell.shell.Context;

/** {@code drop NAME}: one of the named runs' commands (fork, runs, switch, drop). */
public final class DropCommand extends Command {

    public DropCommand() {
        super("drop", "drop NAME", "forget run NAME (not the current one)");
    }

    @Override
    public void run(Args args, Context ctx) {
        String name = args.next();
        args.done();
        if (name == null) {
            throw args.error("which run? drop NAME");
        }
        String from = ctx.session().runName();
        ctx.session().drop(name);
        ctx.out().printf("dropped run %s; runs: %s%n", name, String.join(", ", ctx.session().runNames()));
    }
}
