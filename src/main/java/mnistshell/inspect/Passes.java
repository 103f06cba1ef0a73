package mnistshell.inspect;

import mnistshell.data.Dataset;
import mnistshell.nn.Batch;
import mnistshell.nn.Network;

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

    static void over(Network net, Dataset data, int[] indices, Visitor visitor) {
        for (int from = 0; from < indices.length; from += CHUNK) {
            int to = Math.min(indices.length, from + CHUNK);
            Batch batch = Batch.of(data, indices, from, to);
            visitor.visit(net.forward(batch.x()), batch, from);
        }
    }
}
