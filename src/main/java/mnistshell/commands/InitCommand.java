package mnistshell.commands;

import mnistshell.session.Session;
import mnistshell.shell.Args;
import mnistshell.shell.Command;
import mnistshell.shell.Context;

/** {@code init [--seed N]}: fresh He-initialised weights for the seed's network. */
public final class InitCommand implements Command {

    @Override
    public String name() {
        return "init";
    }

    @Override
    public String usage() {
        return "init [--seed N]";
    }

    @Override
    public String summary() {
        return "fresh weights (He initialisation) and the update count back to 0";
    }

    @Override
    public String details() {
        return "The network is the seed notebook's: inputs -> 10 Leaky ReLU (slope 0.01) -> 10 softmax.\n"
                + "--seed N  seeds the weight generator (default " + Session.DEFAULT_SEED
                + "); the same seed gives the same weights.";
    }

    @Override
    public void run(Args args, Context ctx) {
        long seed = args.longOption("--seed", Session.DEFAULT_SEED);
        args.done();
        Session session = ctx.session();
        session.init(seed);
        ctx.out().printf("network %s, %s hidden units, He initialisation, seed %d%n",
                session.network().architecture(), session.network().hidden(), seed);
    }
}
