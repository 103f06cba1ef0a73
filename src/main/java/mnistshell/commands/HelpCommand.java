package mnistshell.commands;

import java.util.List;
import mnistshell.render.Wrap;
import mnistshell.shell.Args;
import mnistshell.shell.Command;
import mnistshell.shell.CommandTable;
import mnistshell.shell.Context;
import org.jline.reader.Completer;
import org.jline.reader.impl.completer.StringsCompleter;

/** {@code help [COMMAND]}: the command table, or one command's usage and details. */
public final class HelpCommand extends Command {

    private final List<String> names;

    /** {@code names} are the commands to complete after {@code help}. */
    public HelpCommand(List<String> names) {
        super("help", "help [COMMAND]", "list the commands, or explain one");
        this.names = names;
    }

    @Override
    public List<Completer> argumentCompleters() {
        return List.of(new StringsCompleter(names));
    }

    static final int COLUMNS = 80;
    static final int USAGE_WIDTH = 22;

    /**
     * One command in the table, within 80 columns: the usage, then the summary beside it (or on the
     * next line when the usage is long), wrapped at word boundaries.
     */
    static String entry(String usage, String summary) {
        StringBuilder out = new StringBuilder("  ").append(usage);
        int indent = 2 + USAGE_WIDTH + 2;
        int column = out.length();
        if (column > indent - 2) {
            out.append('\n');
            column = 0;
        }
        for (String word : summary.split(" ")) {
            if (column > indent && column + 1 + word.length() > COLUMNS) {
                out.append('\n');
                column = 0;
            }
            if (column < indent) {
                out.append(" ".repeat(indent - column));
                column = indent;
            } else {
                out.append(' ');
                column++;
            }
            out.append(word);
            column += word.length();
        }
        return out.append('\n').toString();
    }

    @Override
    public void run(Args args, Context ctx) {
        String name = args.next();
        args.done();
        CommandTable table = ctx.commands();
        if (name == null) {
            for (Command c : table.all()) {
                ctx.out().print(entry(c.usage(), c.summary()));
            }
            ctx.out().println("Separate commands with ';'. TAB completes, Ctrl-C stops a running command.");
            ctx.out().println("help COMMAND explains one.");
            ctx.out().println("A count or an index may be written 1000, 1,000, 1_000 or 1e3 (1,0 is refused).");
            return;
        }
        Command c = table.lookup(name);
        ctx.out().println(Wrap.line("usage: " + c.usage(), Wrap.COLUMNS));
        ctx.out().println(Wrap.block(c.summary(), Wrap.COLUMNS));
        if (!c.details().isEmpty()) {
            ctx.out().println(Wrap.block(c.details().stripTrailing(), Wrap.COLUMNS));
        }
    }
}
