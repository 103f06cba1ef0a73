package mnistshell.commands;

import java.util.ArrayList;
import java.util.List;
import mnistshell.render.SafeText;
import mnistshell.render.Wrap;
import mnistshell.shell.Args;
import mnistshell.shell.Command;
import mnistshell.shell.Completions;
import mnistshell.shell.Context;
import mnistshell.shell.ShellOptions;
import mnistshell.train.History;
import mnistshell.train.Settings;
import org.jline.reader.Completer;

/** {@code set [KEY VALUE...]}: show every training setting, or change one from the next update on. */
public final class SetCommand extends Command {

    public SetCommand() {
        super("set", "set [KEY VALUE...]", "list the training settings, or change one (takes effect at the next update)");
    }

    @Override
    public String details() {
        StringBuilder s = new StringBuilder("Keys:\n");
        for (String[] row : Settings.defaults().table()) {
            s.append(String.format("  %-13s %s (default %s)%n", row[0], row[2], row[1]));
        }
        s.append("Shell settings:\n  echo          on: print each command before it runs (default off)\n"
                + "  bail          off: a command file goes on past errors, still exiting 1 (default on)\n");
        return s + "Examples: set optimizer adam; set lr 0.001; set batch 64; set schedule step 1000 0.5; set echo on";
    }

    @Override
    public List<Completer> argumentCompleters() {
        List<String> keys = new ArrayList<>(Settings.keys());
        keys.addAll(ShellOptions.KEYS);
        Completer values = Completions.byWord(1, key -> Completions.words((ShellOptions.KEYS.contains(key)
                ? List.of("on", "off") : Settings.choices(key)).toArray(String[]::new)));
        return List.of(Completions.words(keys.toArray(String[]::new)), values, Completions.words());
    }

    @Override
    public void run(Args args, Context ctx) {
        String key = args.next();
        String metric = args.option("--metric"); // set early-stop PATIENCE --metric M; any other key refuses it
        List<String> words = new ArrayList<>();
        for (String w = args.next(); w != null; w = args.next()) {
            words.add(w);
        }
        if (metric != null) {
            words.add("--metric");
            words.add(metric);
        }
        args.done();
        if (key == null) {
            list(ctx);
            return;
        }
        if (ShellOptions.KEYS.contains(key)) {
            ctx.shell().options().set(key, words);
            ctx.out().printf("%s = %s%n", key, ctx.shell().options().table().get(key)[0]);
            return;
        }
        ctx.session().set(key, words);
        ctx.out().printf("%s = %s (from update %d)%n", key, ctx.session().training().settings().value(key),
                ctx.session().iteration() + 1);
        int threads = ctx.session().training().settings().threads();
        int cores = Runtime.getRuntime().availableProcessors();
        if (key.equals("threads") && threads > cores) {
            ctx.out().printf("note: %d threads on %d cores take turns; the results are the same bits%n", threads,
                    cores);
        }
    }

    private static void list(Context ctx) {
        for (String[] row : ctx.session().training().settings().table()) {
            ctx.out().println(Wrap.line(String.format("  %-12s %-14s %s", row[0], SafeText.escape(row[1]), row[2]),
                    Wrap.COLUMNS));
        }
        ctx.out().println("shell:");
        ctx.shell().options().table().forEach((key, row) ->
                ctx.out().println(Wrap.line(String.format("  %-12s %-14s %s", key, row[0], row[1]), Wrap.COLUMNS)));
        List<History.Change> changes = ctx.session().training().history().changes();
        if (!changes.isEmpty()) {
            ctx.out().println("changes since init:");
            for (History.Change c : changes) {
                ctx.out().printf("  before update %d: %s = %s%n", c.update() + 1, SafeText.escape(c.key()),
                        SafeText.escape(c.value()));
            }
        }
    }
}
