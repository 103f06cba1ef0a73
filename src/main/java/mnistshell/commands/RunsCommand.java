package mnistshell.commands;

import mnistshell.render.Table;
import mnistshell.session.Session;
import mnistshell.shell.Args;
import mnistshell.shell.Command;
import mnistshell.shell.Context;
import mnistshell.train.Training;

/** {@code runs}: the named runs of this shell, the current one marked. */
public final class RunsCommand extends Command {

    public RunsCommand() {
        super("runs", "runs", "the named runs (fork NAME makes one): network, optimizer, updates");
    }

    @Override
    public void run(Args args, Context ctx) {
        args.done();
        Session s = ctx.session();
        Table table = new Table("run", "network", "optimizer", "updates", "epoch");
        for (String name : s.runNames()) {
            Training t = s.trainingOf(name);
            table.row((name.equals(s.runName()) ? "* " : "  ") + name, s.networkOf(name).architecture(),
                    t.settings().optimizer(), Integer.toString(t.updates()), Integer.toString(t.epoch()));
        }
        ctx.out().print(table.render());
    }
}
