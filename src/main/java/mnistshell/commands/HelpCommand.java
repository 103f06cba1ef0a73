package mnistshell.commands;

import java.util.List;
import mnistshell.shell.Args;
import mnistshell.shell.Command;
import mnistshell.shell.CommandTable;
import mnistshell.shell.Context;
import org.jline.reader.Completer;
import org.jline.reader.impl.completer.StringsCompleter;

/** {@code help [COMMAND]}: the command table, or one command's usage and details. */
public final class HelpCommand implements Command {

    private final List<String> names;

    /** {@code names} are the commands to complete after {@code help}. */
    public HelpCommand(List<String> names) {
        this.names = names;
    }

    @Override
    public String name() {
        return "help";
    }

    @Override
    public String usage() {
        return "help [COMMAND]";
    }

    @Override
    public String summary() {
        return "list the commands, or explain one";
    }

    @Override
    public List<Completer> argumentCompleters() {
        return List.of(new StringsCompleter(names));
    }

    @Override
    public void run(Args args, Context ctx) {
        String name = args.next();
        args.done();
        CommandTable table = ctx.commands();
        if (name == null) {
            int width = table.all().stream().mapToInt(c -> c.usage().length()).max().orElse(0);
            for (Command c : table.all()) {
                ctx.out().printf("  %-" + width + "s  %s%n", c.usage(), c.summary());
            }
            ctx.out().println("Separate commands with ';'. TAB completes, Ctrl-C stops a running command.");
            return;
        }
        Command c = table.lookup(name);
        ctx.out().println("usage: " + c.usage());
        ctx.out().println(c.summary());
        if (!c.details().isEmpty()) {
            ctx.out().println(c.details().stripTrailing());
        }
    }
}
