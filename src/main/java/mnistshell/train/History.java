package mnistshell.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What training did, update by update: the loss and accuracy of each update's batch (measured
 * before the update, for free, by the pass that computed its gradients), the test accuracy where it
 * was measured (every update in full batch, at each epoch's end in mini-batch; NaN elsewhere), and
 * every change of a setting with the update count at which it was made.
 */
public final class History {

    /**
     * @param update        the update's number, from 1
     * @param epoch         completed epochs after it
     * @param loss          mean cross-entropy of its batch, before the update
     * @param trainAccuracy share of its batch classified right, before the update
     * @param testAccuracy  test accuracy after the update, or NaN where not measured
     */
    public record Point(int update, int epoch, double loss, double trainAccuracy, double testAccuracy) {
    }

    /**
     * What one update did inside the network. Per tensor (W1, b1, W2, ...): its gradient's norm and
     * the update/weight ratio ||change|| / ||weights||. Per hidden layer, over its batch before the
     * update: the mean and standard deviation of the activations, and the share off or saturated.
     */
    public record Layers(int update, double[] gradient, double[] ratio, double[] mean, double[] std,
                         double[] inactive) {
    }

    /** {@code set KEY VALUE} typed when {@code update} updates had been made. */
    public record Change(int update, String key, String value) {
    }

    /**
     * The validation images after update {@code update}, measured where the test accuracy would be
     * when a validation set is held out (the test accuracy is then not measured while training).
     */
    public record Validation(int update, double loss, double accuracy) {
    }

    /** A note at update {@code update}, such as a re-split that holds out images trained on. */
    public record Mark(int update, String text) {
    }

    private final List<Point> points = new ArrayList<>();
    private final List<Validation> validations = new ArrayList<>();
    private final List<Mark> marks = new ArrayList<>();
    private final List<Change> changes = new ArrayList<>();
    private final List<Layers> layers = new ArrayList<>();

    /** A copy that changes independently of this one (the records themselves are immutable). */
    public History copy() {
        History h = new History();
        h.points.addAll(points);
        h.changes.addAll(changes);
        h.validations.addAll(validations);
        h.marks.addAll(marks);
        h.layers.addAll(layers);
        return h;
    }

    public void add(Point p) {
        points.add(p);
    }

    public void add(Change c) {
        changes.add(c);
    }

    public void add(Validation v) {
        validations.add(v);
    }

    public void add(Mark m) {
        marks.add(m);
    }

    public void add(Layers l) {
        layers.add(l);
    }

    /**
     * Forgets every update after {@code updates}, which were undone; a change made after one of
     * them now counts from {@code updates}, where it takes effect.
     */
    public void truncate(int updates) {
        points.removeIf(p -> p.update() > updates);
        validations.removeIf(v -> v.update() > updates);
        marks.replaceAll(m -> m.update() > updates ? new Mark(updates, m.text()) : m);
        layers.removeIf(l -> l.update() > updates);
        changes.replaceAll(c -> c.update() > updates ? new Change(updates, c.key(), c.value()) : c);
    }

    public List<Point> points() {
        return Collections.unmodifiableList(points);
    }

    /** The layer statistics of each update, oldest first (none for updates of sessions saved without them). */
    public List<Layers> layers() {
        return Collections.unmodifiableList(layers);
    }

    public List<Change> changes() {
        return Collections.unmodifiableList(changes);
    }

    public List<Validation> validations() {
        return Collections.unmodifiableList(validations);
    }

    public List<Mark> marks() {
        return Collections.unmodifiableList(marks);
    }

    /** One series over the updates: {@code values[i]} belongs to update {@code updates[i]}, updates ascending. */
    public record Series(int[] updates, double[] values) {
    }

    /** The loss of each update's batch, before the update. */
    public Series losses() {
        return new Series(points.stream().mapToInt(Point::update).toArray(),
                points.stream().mapToDouble(Point::loss).toArray());
    }

    /**
     * The held-out accuracy where it was measured: the validation images' when {@code validation},
     * else the test images'; never the one for the other, so that a line saying "val" shows no test figure.
     */
    public Series heldOutAccuracy(boolean validation) {
        if (validation) {
            return new Series(validations.stream().mapToInt(Validation::update).toArray(),
                    validations.stream().mapToDouble(Validation::accuracy).toArray());
        }
        List<Point> measured = points.stream().filter(p -> !Double.isNaN(p.testAccuracy())).toList();
        return new Series(measured.stream().mapToInt(Point::update).toArray(),
                measured.stream().mapToDouble(Point::testAccuracy).toArray());
    }

    /** The validation accuracy after update {@code update}, or NaN where it was not measured. */
    public double validationAccuracy(int update) {
        for (Validation v : validations) {
            if (v.update() == update) {
                return v.accuracy();
            }
        }
        return Double.NaN;
    }

    /** One progress line, as {@code set report-every} prints them. */
    String progressLine(Point p) {
        return String.format("update %d (epoch %d): batch loss %s, batch accuracy %.2f%%%s", p.update(), p.epoch(),
                mnistshell.render.Numbers.compact(p.loss()), 100 * p.trainAccuracy(),
                Double.isNaN(p.testAccuracy()) ? validation(p.update())
                        : String.format(", test %.2f%%", 100 * p.testAccuracy()));
    }

    /** ", val 91.20%" when the validation images were measured after update {@code update}. */
    private String validation(int update) {
        return validations.isEmpty() || validations.get(validations.size() - 1).update() != update ? ""
                : String.format(", val %.2f%%", 100 * validations.get(validations.size() - 1).accuracy());
    }
}
