package mnistshell.commands;

import mnistshell.shell.Args;
import mnistshell.shell.Command;
import mnistshell.shell.Context;

/** {@code clear}: clears the screen, as in a Unix shell. */
public final class ClearCommand extends Command {

    /** ANSI: cursor home, erase the screen, erase the scrollback. */
    static final String CLEAR = "\u001b[H\u001b[2J\u001b[3J";

    public ClearCommand() {
        super("clear", "clear", "clear the screen (at the prompt; in files and pipes it prints nothing)");
    }

    @Override
    public boolean logged() {
        return false;
    }

    @Override
    public void run(Args args, Context ctx) {
        args.done();
        if (ctx.interactive()) {
            ctx.out().print(CLEAR);
            ctx.out().flush();
        }
    }
}
