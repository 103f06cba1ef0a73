package mnistshell.commands;

import java.util.ArrayList;
import java.util.List;
import mnistshell.errors.ShellError;
import mnistshell.session.Session;
import mnistshell.shell.Args;
import mnistshell.shell.Command;
import mnistshell.shell.Context;

/** {@code sweep KEY V1,V2,... --steps N | --epochs E}: a fork per value, each trained, then compare. */
public final class SweepCommand extends Command {

    public SweepCommand() {
        super("sweep", "sweep KEY V1,V2,... --steps N | --epochs E", "fork a run per value of a setting, train each in turn, then compare them");
    }

    @Override
    public String details() {
        return """
                Each run is named KEY-VALUE (sweep lr 0.01,0.5 makes lr-0.01 and lr-0.5), forked
                from the current run, which stays current. Ctrl-C stops the sweep after the update
                in progress; the runs made so far are kept. Values are split at every comma, so a
                thousand is written 1000, 1_000 or 1e3 here, never 1,000.""";
    }

    @Override
    public void run(Args args, Context ctx) {
        int steps = args.intOption("--steps", 0, 1, 100_000_000);
        int epochs = args.intOption("--epochs", 0, 1, 1_000_000);
        String key = args.next();
        String list = args.next();
        args.done();
        if (key == null || list == null || (steps == 0) == (epochs == 0)) {
            throw args.error("needs a key, its values and --steps N or --epochs E (one of them)");
        }
        Session s = ctx.session();
        String base = s.runName();
        List<String> values = List.of(list.split(","));
        List<String> names = new ArrayList<>();
        for (String v : values) {
            String name = (key + "-" + v).replaceAll("[^A-Za-z0-9_.-]", "_");
            if (v.isEmpty() || s.runNames().contains(name) || names.contains(name)) {
                throw args.error(v.isEmpty() ? "an empty value in '" + list + "'" : "a run '" + name
                        + "' exists already: drop it or sweep other values");
            }
            s.training().settings().with(key, List.of(v)); // a bad value is refused before any fork
            names.add(name);
        }
        List<String> made = new ArrayList<>();
        try {
            for (int i = 0; i < values.size() && !ctx.cancelled(); i++) {
                s.fork(names.get(i));
                made.add(names.get(i));
                s.set(key, List.of(values.get(i)));
                ctx.out().printf("%s:%n", names.get(i));
                if (steps > 0) {
                    mnistshell.shell.TrainingRun.steps(ctx, steps);
                } else {
                    mnistshell.shell.TrainingRun.epochs(ctx, epochs);
                }
                s.switchTo(base);
            }
        } finally {
            if (!s.runName().equals(base)) {
                s.switchTo(base);
            }
        }
        mnistshell.session.Comparison.lines(ctx.session(), made).forEach(ctx.out()::println);
    }
}
