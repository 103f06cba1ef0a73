package mnistshell.commands;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import mnistshell.panel.TrainPanel;
import mnistshell.session.Session;
import mnistshell.session.StepReport;
import mnistshell.shell.Args;
import mnistshell.shell.Command;
import mnistshell.shell.Context;
import mnistshell.shell.TrainingRun;
import mnistshell.errors.ShellError;
import mnistshell.train.History;
import mnistshell.train.LiveTraining;

/**
 * {@code train [N | --epochs E]}: at the prompt of a real terminal, training in a live panel;
 * elsewhere exactly {@code step N} (or {@code epoch E}).
 */
public final class TrainCommand extends Command {

    public TrainCommand() {
        super("train", "train [N | --epochs E]", "train in a live panel: curves, layers, units and test images as it learns");
    }

    @Override
    public String details() {
        return """
                At the prompt: a full-screen panel that makes N updates (E epochs), or without
                N until stopped, and shows the curves, the layers, the first-layer units and
                test images as the network learns. Keys: space pause/resume, n one update
                while paused, + and - double and halve lr (real set lr changes: listed by set,
                marked ^ on the curves), p cycles the panes without room, q, Esc or Ctrl-C stop
                after the update in progress. The session is then as if step had run with
                those set commands in between.
                Elsewhere (files, pipes, -c) train N is step N, train --epochs E is epoch E;
                train without N is refused there, as it would never end.""";
    }

    /** The log records what was done instead: the steps and the sets between them. */
    @Override
    public boolean logged() {
        return false;
    }

    @Override
    public void run(Args args, Context ctx) {
        int epochs = args.intOption("--epochs", 0, 1, 1_000_000);
        int updates = args.nextInt("N", 0, 1, 100_000_000);
        args.done();
        if (epochs > 0 && updates > 0) {
            throw args.error("give N updates or --epochs E, not both");
        }
        Session session = ctx.session();
        if (ctx.screens() == null) {
            withoutPanel(ctx, session, updates, epochs);
            return;
        }
        long planned = epochs > 0 ? session.updatesForEpochs(epochs) : updates;
        session.checkRoomFor(planned);
        int goal = (int) planned;
        int startUpdates = session.iteration();
        int startChanges = session.training().history().changes().size();
        long start = System.nanoTime();
        LiveTraining.Result result;
        try {
            result = TrainPanel.open(ctx.screens(), session, goal, ctx::cancelled, System::nanoTime);
        } catch (IOException e) {
            throw new ShellError("could not open the train panel: " + e.getMessage(), e);
        } finally { // whatever ended the panel, the updates it made are logged
            logSteps(ctx.shell()::log, session.training().history().changes(), startChanges, startUpdates,
                    session.iteration());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        var train = session.evaluateTrain();
        if (session.split().hasValidation()) { // as step's line: the test images stay unseen while tuning
            var val = session.evaluateValidation();
            TrainingRun.conclude(ctx, new StepReport(result.updates(), session.iteration(), session.training().epoch(),
                    train.loss(), train.accuracy(), Double.NaN, seconds, result.interrupted(), result.failure(),
                    val.accuracy(), val.loss()));
            return;
        }
        double test = session.split().test().length == 0 ? Double.NaN : session.evaluateTest().accuracy();
        TrainingRun.conclude(ctx, new StepReport(result.updates(), session.iteration(), session.training().epoch(),
                train.loss(), train.accuracy(), test, seconds, result.interrupted(), result.failure()));
    }

    private static void withoutPanel(Context ctx, Session session, int updates, int epochs) {
        if (epochs > 0) {
            TrainingRun.epochs(ctx, epochs);
            ctx.shell().log("epoch " + epochs);
            return;
        }
        if (updates == 0) {
            throw new ShellError("train without N runs until stopped, and only the panel at a terminal's prompt"
                    + " can stop it: give N (train 500) or --epochs E");
        }
        TrainingRun.steps(ctx, updates);
        ctx.shell().log("step " + updates);
    }

    /** The log of a saved session gets the steps and sets that the panel made, in order, so that they replay. */
    static void logSteps(Consumer<String> log, List<History.Change> changes, int from, int startUpdates,
                         int endUpdates) {
        int at = startUpdates;
        for (History.Change c : changes.subList(from, changes.size())) {
            if (c.update() > at) {
                log.accept("step " + (c.update() - at));
                at = c.update();
            }
            log.accept("set " + c.key() + " " + c.value());
        }
        if (endUpdates > at) {
            log.accept("step " + (endUpdates - at));
        }
    }
}
