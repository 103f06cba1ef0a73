package mnistshell.store;

import java.util.List;
import mnistshell.data.Split;
import mnistshell.nn.Init;
import mnistshell.nn.Network;
import mnistshell.train.Training;

/**
 * A session read from a file and checked whole, ready to take the place of the current one.
 *
 * @param network  its network
 * @param init     how its weights were first drawn
 * @param seed     its init seed (also the mini-batch order's)
 * @param training its training, resumed where it was saved
 * @param commands the commands that led to it (empty for bare weights)
 * @param notes    what the user should know: assumed settings, different data
 * @param split    the split it was saved with, to take the place of the current one; null keeps
 *                 the current split (bare weights, other data, or a file without its index sets)
 */
public record LoadedSession(Network network, Init init, long seed, Training training, List<String> commands,
                            List<String> notes, Split split) {

    public LoadedSession(Network network, Init init, long seed, Training training, List<String> commands,
                         List<String> notes) {
        this(network, init, seed, training, commands, notes, null);
    }
}
