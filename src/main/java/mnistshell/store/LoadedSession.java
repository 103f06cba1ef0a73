package mnistshell.store;

import java.util.List;
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
 */
public record LoadedSession(Network network, Init init, long seed, Training training, List<String> commands,
                            List<String> notes) {
}
