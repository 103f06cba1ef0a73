package mnistshell.commands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import mnistshell.render.SafeText;
import mnistshell.shell.Args;
import mnistshell.shell.Command;
import mnistshell.shell.Context;
import mnistshell.errors.ShellError;
import mnistshell.store.SessionSummary;

/** {@code models}: the sessions saved in models/, with architecture, update count and test accuracy. */
public final class ModelsCommand extends Command {

    public ModelsCommand() {
        super("models", "models", "list the sessions saved in models/: architecture, updates, test accuracy");
    }

    @Override
    public void run(Args args, Context ctx) {
        args.done();
        Path dir = ctx.shell().modelsDirectory();
        List<Path> files = list(dir);
        if (files.isEmpty()) {
            ctx.out().println(SafeText.escape("no saved sessions in " + dir + "/ (save NAME puts one there)"));
            return;
        }
        ctx.out().printf("%-28s %-14s %8s %8s%n", "file", "network", "updates", "test");
        for (Path f : files) {
            ctx.out().println(SafeText.escape(row(f))); // file names and architectures come from outside
        }
    }

    private static String row(Path f) {
        String name = f.getFileName().toString();
        try {
            SessionSummary s = SessionSummary.read(f);
            String test = Double.isNaN(s.testAccuracy()) ? "-" : String.format("%.2f%%", 100 * s.testAccuracy());
            return String.format("%-28s %-14s %8s %8s", name, s.architecture(),
                    s.updates() < 0 ? "-" : Integer.toString(s.updates()), test);
        } catch (ShellError e) {
            return String.format("%-28s unreadable: %s", name, e.getMessage());
        }
    }

    private static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".npz")).sorted().toList();
        } catch (IOException e) {
            throw new ShellError("models: cannot list " + dir + ": " + e.getMessage());
        }
    }
}
