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
                new TrainCommand(),
                new BenchCommand(),
                new EvalCommand(),
                new BestCommand(),
                new ShowCommand(),
                new DataCommand(),
                new PredictCommand(),
                new WeightsCommand(),
                new GradsCommand(),
                new ActivationsCommand(),
                new ErrorsCommand(),
                new ConfusionCommand(),
                new HistoryCommand(),
                new GradcheckCommand(),
                new ExpectCommand(),
                new EchoCommand(),
                new ViewCommand(),
                new DrawCommand(),
                new RunCommand(),
                new SaveCommand(),
                new LoadCommand(),
                new ModelsCommand(),
                new ForkCommand(),
                new RunsCommand(),
                new SwitchCommand(),
                new DropCommand(),
                new CompareCommand(),
                new SweepCommand(),
                new ClearCommand(),
                new ExitCommand("exit"),
                new ExitCommand("quit"));
        List<String> names = Stream.concat(Stream.of("help"), commands.stream().map(Command::name)).toList();
        return new CommandTable(Stream.concat(Stream.of(new HelpCommand(names)), commands.stream()).toList());
    }
}
