package mnistshell.commands;

import mnistshell.shell.Args;
import mnistshell.shell.Command;
import mnistshell.shell.Context;

/** {@code exit} and its twin {@code quit}: leave the shell (Ctrl-D does the same). */
public final class ExitCommand implements Command {

    private final String name;

    public ExitCommand(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String usage() {
        return name;
    }

    @Override
    public String summary() {
        return "leave the shell (Ctrl-D does the same)";
    }

    @Override
    public void run(Args args, Context ctx) {
        args.done();
        ctx.shell().requestExit();
    }
}
