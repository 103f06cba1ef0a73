package mnistshell.store;

import java.util.ArrayList;
import java.util.List;
import mnistshell.nn.Activation;
import mnistshell.nn.Init;
import mnistshell.nn.Network;
import mnistshell.session.Session;
import mnistshell.errors.ShellError;
import mnistshell.train.Settings;
import mnistshell.train.Training;

/**
 * Weights alone, as {@code np.savez(f, W1=W1, b1=b1, W2=W2, b2=b2)} writes them (the seed notebook's
 * arrays): the shapes decide the architecture, biases may be (n, 1) or numpy's (n,), and everything
 * else (activation, settings, counters) is assumed and said so.
 */
final class BareWeights {

    private BareWeights() {
    }

    static LoadedSession load(NpzReader npz, Session current) {
        List<double[][]> weights = new ArrayList<>();
        List<double[][]> biases = new ArrayList<>();
        List<String> widened = new ArrayList<>();
        int inputs = current.data().features();
        for (int l = 1; npz.has("W" + l + ".npy"); l++) {
            String w = "W" + l;
            Npy.Array a = npz.array(w + ".npy", SessionLoader.MAX_BARE_ARRAY_BYTES);
            if (a.shape().length != 2 || a.columns() != inputs) {
                throw new ShellError(npz.where(w + ".npy") + ": expected shape (units, " + inputs + ")"
                        + (l == 1 ? ", one column per pixel of the loaded data" : ", one column per unit of layer " + (l - 1))
                        + ", found " + a.shapeText());
            }
            weights.add(a.matrix());
            if (a.widened()) {
                widened.add(w);
            }
            biases.add(SessionLoader.matrix(npz, "b" + l, a.rows(), 1, true));
            inputs = a.rows();
        }
        checkNothingElse(npz, weights.size());
        int[] sizes = sizes(current.data().features(), weights);
        SessionLoader.checkFits(sizes, npz.where("W" + weights.size() + ".npy"), current.data());
        Network net = Network.of(Activation.LeakyRelu.SEED, weights.toArray(double[][][]::new),
                biases.toArray(double[][][]::new));
        Training training = new Training(net, current.training().settings(), Session.DEFAULT_SEED);
        Settings kept = current.training().settings();
        List<String> notes = new ArrayList<>(List.of(
                "weights only: network " + net.architecture() + " from the shapes, at update 0",
                "assumed " + Activation.LeakyRelu.SEED + " hidden units and a softmax output (the seed's)",
                "no optimizer state; mini-batch seed " + Session.DEFAULT_SEED + "; the current settings (optimizer "
                        + kept.optimizer() + ", lr " + kept.value("lr") + ", batch " + kept.value("batch") + ")",
                "init --act ... trains afresh with another activation"));
        if (!widened.isEmpty()) {
            notes.add(String.join(", ", widened) + " held float32 ('<f4'): widened to float64, exactly");
        }
        return new LoadedSession(net, Init.HE, Session.DEFAULT_SEED, training, List.of(), notes);
    }

    private static void checkNothingElse(NpzReader npz, int layers) {
        for (String name : npz.names()) {
            boolean known = false;
            for (int l = 1; l <= layers; l++) {
                known |= name.equals("W" + l + ".npy") || name.equals("b" + l + ".npy");
            }
            if (!known) {
                throw new ShellError(npz.where(name) + ": unexpected entry: bare weights are W1.npy, b1.npy, ..., W"
                        + layers + ".npy, b" + layers + ".npy and nothing else");
            }
        }
    }

    private static int[] sizes(int inputs, List<double[][]> weights) {
        int[] sizes = new int[weights.size() + 1];
        sizes[0] = inputs;
        for (int l = 0; l < weights.size(); l++) {
            sizes[l + 1] = weights.get(l).length;
        }
        return sizes;
    }
}
