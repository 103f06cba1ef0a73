package mnistshell.commands;

import java.util.List;
import java.util.stream.Stream;
import mnistshell.shell.Command;
import mnistshell.shell.CommandTable;

/** The registry: every command of the shell, in the order {@code help} lists them. */
public final class Commands {

    private Commands() {
    }

    public static CommandTable table() {
        List<Command> commands = List.of(
                new InitCommand(),
                new SetCommand(),
                new StepCommand(),
                new EpochCommand(),
                new EvalCommand(),
                new ShowCommand(),
                new RunCommand(),
                new SaveCommand(),
                new LoadCommand(),
                new ModelsCommand(),
                new EchoCommand(),
                new ExitCommand("exit"),
                new ExitCommand("quit"));
        List<String> names = Stream.concat(Stream.of("help"), commands.stream().map(Command::name)).toList();
        return new CommandTable(Stream.concat(Stream.of(new HelpCommand(names)), commands.stream()).toList());
    }
}
