package mnistshell;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mnistshell.commands.Commands;
import mnistshell.session.Session;
import mnistshell.shell.ErrorReporter;
import mnistshell.shell.Repl;
import mnistshell.shell.ScriptRunner;
import mnistshell.errors.ShellError;
import mnistshell.shell.Shell;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;

/**
 * The entry point. It decides the mode and nothing else:
 * <ul>
 *   <li>{@code -c 'CMD; CMD'}: run those commands;</li>
 *   <li>{@code FILE...}: run each command file in turn;</li>
 *   <li>nothing, with a terminal on standard input: the interactive prompt;</li>
 *   <li>nothing, with standard input piped: run its lines as a command file.</li>
 * </ul>
 * Exit status: 0 when every command succeeded, 1 when a command failed (also when {@code set bail
 * off} let the run go on past it), 2 for a bad command line of mnist-shell itself.
 */
public final class Main {

    static final int OK = 0;
    static final int USAGE = 2;
    static final int FAILED = 1;
    static final String USAGE_TEXT = "usage: mnist-shell [--debug] [-c 'COMMAND; COMMAND...' | FILE...]";
    static final String HELP_TEXT = USAGE_TEXT + """

              mnist-shell                       the prompt, on the embedded MNIST sample
              mnist-shell -c 'step 500; eval'   run commands separated by ';', then exit
              mnist-shell seed.msh              run command files, one command a line
              ... | mnist-shell                 run the commands piped to it
            --debug adds stack traces to internal errors. Exit status: 0 all went well,
            1 a command failed, 2 bad usage of mnist-shell itself. Type help at the prompt.""";

    private Main() {
    }

    public static void main(String[] argv) {
        System.exit(run(argv));
    }

    static int run(String[] argv) {
        return run(argv, home(System.getenv("HOME"), System.getProperty("user.home")));
    }

    /**
     * Where the history and {@code .mnist_shellrc} live: {@code $HOME}, as for any shell, or Java's
     * {@code user.home} (the password file's entry, which ignores {@code $HOME}) when it is unset.
     */
    static Path home(String env, String userHome) {
        return Path.of(env != null && !env.isBlank() ? env : userHome);
    }

    /** As {@link #run(String[])}, with {@code home} holding the history and {@code .mnist_shellrc}. */
    static int run(String[] argv, Path home) {
        boolean debug = false;
        String inline = null;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < argv.length; i++) {
            switch (argv[i]) {
                case "--debug" -> debug = true;
                case "-h", "--help" -> {
                    System.out.println(HELP_TEXT);
                    return OK;
                }
                case "-c" -> {
                    if (i + 1 >= argv.length || inline != null) {
                        System.err.println(USAGE_TEXT);
                        return USAGE;
                    }
                    inline = argv[++i];
                }
                default -> {
                    if (argv[i].startsWith("-")) {
                        System.err.println("mnist-shell: unknown option " + argv[i]);
                        System.err.println(USAGE_TEXT);
                        return USAGE;
                    }
                    files.add(Path.of(argv[i]));
                }
            }
        }
        if (inline != null && inline.replace(";", "").isBlank()) {
            System.err.println("mnist-shell: -c needs at least one command");
            System.err.println(USAGE_TEXT);
            return USAGE;
        }
        if (inline != null && !files.isEmpty()) {
            System.err.println(USAGE_TEXT);
            return USAGE;
        }
        for (Path file : files) {
            try { // a typo in the command line, before anything runs
                ScriptRunner.checkCommandFile(file);
            } catch (ShellError e) {
                System.err.println("mnist-shell: " + e.getMessage());
                return USAGE;
            }
        }
        ErrorReporter reporter = new ErrorReporter(System.err, debug);
        boolean prompt = inline == null && files.isEmpty() && stdinIsTerminal();
        PrintStream out = System.out;
        Shell shell = new Shell(Session.withEmbeddedSample(), Commands.table(), out, prompt);
        shell.setReporter(reporter);
        try {
            if (prompt) {
                return interactive(shell, reporter, home);
            }
            ScriptRunner runner = new ScriptRunner(shell, () -> false);
            if (inline != null) {
                runner.runInline(inline);
            } else if (!files.isEmpty()) {
                for (Path file : files) {
                    runner.runFile(file);
                }
            } else {
                runner.run(new InputStreamReader(System.in, StandardCharsets.UTF_8), "line ");
            }
            return shell.failures() == 0 ? OK : FAILED;
        } catch (RuntimeException e) {
            reporter.report(e);
            return FAILED;
        } finally {
            out.flush();
        }
    }

    private static int interactive(Shell shell, ErrorReporter reporter, Path home) {
        try (Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).build()) {
            Path history = home.resolve(".mnist-shell_history");
            System.out.printf("mnist-shell: %s, %d train / %d test images, network %s. Type help.%n",
                    shell.session().data().source(), shell.session().split().train().length,
                    shell.session().split().test().length, shell.session().network().architecture());
            new ScriptRunner(shell, () -> false).runStartupFile(home);
            new Repl(shell, terminal, history, reporter).run();
            return OK;
        } catch (IOException e) {
            reporter.report(new mnistshell.errors.ShellError("cannot open the terminal: " + e.getMessage()));
            return FAILED;
        }
    }

    /** Whether standard input is a terminal (asked of JLine's native provider; Java 17 cannot tell alone). */
    private static boolean stdinIsTerminal() {
        try {
            return TerminalProvider.load("jni").isSystemStream(SystemStream.Input);
        } catch (Throwable e) {
            return System.console() != null;
        }
    }
}
