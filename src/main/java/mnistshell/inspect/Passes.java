package mnistshell.inspect;

import mnistshell.data.Dataset;
import mnistshell.nn.Batch;
import mnistshell.nn.Network;
import mnistshell.nn.layer.Pass;
import org.la4j.Matrix;

/**
 * Forward passes of the la4j reference over a set of images, a chunk at a time so that only a
 * chunk is ever held as doubles: what {@code activations} and {@code errors} look at.
 */
final class Passes {

    static final int CHUNK = 1000;

    /** What to do with one chunk's pass; {@code from} is the position of its first image in the set. */
    interface Visitor {
        void visit(Network.Pass pass, Batch batch, int from);
    }

    private Passes() {
    }

    /**
     * The chunk's pass; of a layered network only its input and output (logits, probabilities),
     * as a pass without hidden layers: its layers' insides are not a dense stack's.
     */
    private static Network.Pass pass(Network net, Batch batch) {
        if (!net.isLayered()) {
            return net.forward(batch.x());
        }
        Matrix z = net.sequential().logits(batch.x(), Pass.evaluation());
        return new Network.Pass(new Matrix[] {null, z}, new Matrix[] {batch.x(), Network.softmax(z)});
    }

    static void over(Network net, Dataset data, int[] indices, Visitor visitor) {
        for (int from = 0; from < indices.length; from += CHUNK) {
            int to = Math.min(indices.length, from + CHUNK);
            Batch batch = Batch.of(data, indices, from, to);
            visitor.visit(pass(net, batch), batch, from);
        }
    }
}
