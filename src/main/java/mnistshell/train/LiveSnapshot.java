package mnistshell.train;

import java.util.List;
import mnistshell.nn.Network;

/**
 * What the train panel draws, copied on the training thread between two updates so that the panel
 * never reads what an update is changing. Only what is drawn is copied: the history points made
 * and validation measurements made since the previous snapshot (the panel keeps the earlier ones),
 * the setting changes, the sizes of
 * the last few updates, and the weights (for the unit pictures, the predictions and the active
 * shares, which the panel computes on its own thread so that training never waits for them).
 *
 * @param update     updates made so far
 * @param epoch      completed epochs
 * @param settings   the settings in effect (immutable)
 * @param lrNow      the learning rate the next update uses, its schedule applied
 * @param newPoints  history points added since the previous snapshot, oldest first
 * @param newValidations validation measurements added since the previous snapshot, oldest first
 * @param changes    every setting change since init
 * @param sizes      sizes of the last updates (up to {@link LiveTraining#KEPT_SIZES}), oldest first
 * @param network    a copy of the network's weights
 * @param paused     whether training is paused
 * @param ended      null while training goes on; else why it ended (the goal reached, stopped, a failure)
 * @param failure    what went NaN or infinite, or null
 */
public record LiveSnapshot(int update, int epoch, Settings settings, double lrNow, List<History.Point> newPoints,
                           List<History.Validation> newValidations, List<History.Change> changes, List<UpdateSizes> sizes, Network network, boolean paused,
                           String ended, String failure) {
}
