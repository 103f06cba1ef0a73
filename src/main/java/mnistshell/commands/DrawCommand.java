package mnistshell.commands;

import java.io.IOException;
import java.util.List;
import mnistshell.panel.DrawPad;
import mnistshell.render.DigitFacts;
import mnistshell.session.ImageRef;
import mnistshell.session.Session;
import mnistshell.shell.Args;
import mnistshell.shell.Command;
import mnistshell.shell.Context;
import mnistshell.errors.ShellError;

/** {@code draw}: a pad to draw a digit on, with the network's prediction updated as you draw. */
public final class DrawCommand extends Command {

    public DrawCommand() {
        super("draw", "draw", "draw a digit; the prediction follows as you draw");
    }

    @Override
    public String details() {
        return """
                Draw with the mouse, or move with the arrow keys and press space to put the pen
                down or lift it. The network sees the drawing prepared as MNIST's digits were:
                fitted to 20x20 and centred by its centre of mass, shown beside the pad; p turns
                the MNIST preparation off and on. The saliency of what the network sees follows
                the drawing beside it. c clears, Enter keeps the drawing as drawn:N
                (see 'show drawn:N'; drawn images are never trained on), q or Esc leaves.""";
    }

    @Override
    public void run(Args args, Context ctx) {
        args.done();
        if (ctx.screens() == null) {
            throw new ShellError("draw needs a terminal: run it at the interactive prompt");
        }
        Session session = ctx.session();
        List<Integer> kept;
        try {
            kept = DrawPad.open(ctx.screens(), session);
        } catch (IOException e) {
            throw new ShellError("could not open the pad: " + e.getMessage(), e);
        }
        for (int n : kept) {
            DigitFacts facts = ImageRef.drawn(n).facts(session);
            ctx.out().printf("kept %s: predicted %d (%.1f%%)%n", ImageRef.drawn(n), facts.predicted(),
                    100 * facts.probabilities()[facts.predicted()]);
        }
    }
}
