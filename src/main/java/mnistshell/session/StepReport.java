package mnistshell.session;

/**
 * What a run of training updates did, measured on the whole sets after it.
 *
 * @param updates       updates made by this run
 * @param iteration     the session's update count after it
 * @param epoch         completed passes over the training set after it
 * @param loss          mean cross-entropy on the training set after the run
 * @param trainAccuracy share of training images right, 0..1
 * @param testAccuracy  share of test images right, 0..1; NaN when there are no test images
 * @param seconds       wall-clock time of the run, evaluation included
 * @param interrupted   whether the user stopped it early
 * @param failure       what went NaN or infinite and was rolled back, or null
 * @param valAccuracy   share of validation images right; NaN when none are held out (the test
 *                      accuracy is then NaN too: it is not shown while tuning)
 */
public record StepReport(int updates, int iteration, int epoch, double loss, double trainAccuracy,
                         double testAccuracy, double seconds, boolean interrupted, String failure,
                         double valAccuracy, double valLoss) {

    public StepReport(int updates, int iteration, int epoch, double loss, double trainAccuracy,
                      double testAccuracy, double seconds, boolean interrupted, String failure) {
        this(updates, iteration, epoch, loss, trainAccuracy, testAccuracy, seconds, interrupted, failure, Double.NaN,
                Double.NaN);
    }

    public double updatesPerSecond() {
        return seconds > 0 ? updates / seconds : 0;
    }
}
