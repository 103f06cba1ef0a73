package mnistshell.train;

import java.util.ArrayList;
import java.util.List;

/**
 * An optimizer's update rule, a type as {@code Init} and {@code Activation} are: its name, the
 * names its state arrays are saved under, and what one update does to one parameter tensor. The
 * state it keeps (velocities, moments) lives in {@link Optimizer}, so a rule is a value. A new
 * optimizer is one file implementing this and a line in {@link Optimizers#ALL}.
 */
public interface UpdateRule {

    /** The name {@code set optimizer} takes and a saved session records. */
    String name();

    /**
     * Prefixes of its state arrays in a saved session, one array the size of each parameter
     * tensor per prefix ({@code opt_v_} saves {@code opt_v_W1, opt_v_b1, ...}); empty for none.
     * They are the file format: a rule keeps its prefixes once sessions are saved with them.
     */
    List<String> statePrefixes();

    /**
     * One update of one tensor: weights {@code w} (rows, cols) with gradient {@code g} (rows, cols),
     * its weight decay {@code decay} (the gradient is taken as {@code g + decay * w}), and
     * {@code state}, this tensor's state arrays (each (rows, cols)) in the order of {@link #statePrefixes}.
     */
    void update(double[][] w, double[][] g, double[][][] state, double decay, Step step);

    /** What every tensor of one update shares: the learning rate, the updates made counting this one, the settings. */
    record Step(double lr, long t, Settings settings) {
    }

    /** How many state arrays it keeps per parameter tensor. */
    default int stateArrays() {
        return statePrefixes().size();
    }

    /** The saved names of its state arrays for parameters {@code params}, in the order of {@link Optimizer#state()}. */
    default List<String> stateNames(List<String> params) {
        List<String> names = new ArrayList<>();
        for (String prefix : statePrefixes()) {
            for (String p : params) {
                names.add(prefix + p);
            }
        }
        return names;
    }
}
