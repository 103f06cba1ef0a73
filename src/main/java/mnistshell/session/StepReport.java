package mnistshell.session;

/**
 * What a run of training updates did.
 *
 * @param updates       updates made by this run
 * @param iteration     the session's update count after it
 * @param loss          mean cross-entropy on the training set after the run
 * @param trainAccuracy share of training images right, 0..1
 * @param testAccuracy  share of test images right, 0..1
 * @param seconds       wall-clock time of the run
 * @param interrupted   whether the user stopped it early
 */
public record StepReport(int updates, int iteration, double loss, double trainAccuracy, double testAccuracy,
                         double seconds, boolean interrupted) {
}
