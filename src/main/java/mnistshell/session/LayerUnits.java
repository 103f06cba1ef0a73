package mnistshell.session;

import mnistshell.nn.Network;
import org.la4j.Matrix;

/**
 * The units of one layer as the weight gallery shows them: each unit's incoming weights laid out as
 * a picture, and its outgoing weights to the next layer.
 *
 * @param layer    1-based, as the notebook's W1: layer 1's units are the first hidden layer
 * @param rows     picture height: the image height for layer 1, else a near-square layout
 * @param cols     picture width; a picture has rows*cols values, padded with zeros
 * @param incoming per unit, row k of W[layer-1], padded to rows*cols
 * @param outgoing per unit, column k of W[layer], or null for the output layer
 */
public record LayerUnits(int layer, int rows, int cols, double[][] incoming, double[][] outgoing) {

    /** Layer {@code layer} (1..L) of {@code net}, whose inputs are images of {@code imageRows x imageCols}. */
    public static LayerUnits of(Network net, int layer, int imageRows, int imageCols) {
        Matrix w = net.weights(layer - 1); // (n_layer, n_{layer-1})
        int inputs = w.columns();
        int cols = inputs == imageRows * imageCols ? imageCols : (int) Math.ceil(Math.sqrt(inputs));
        int rows = (inputs + cols - 1) / cols;
        double[][] in = new double[w.rows()][rows * cols];
        for (int k = 0; k < w.rows(); k++) {
            for (int j = 0; j < inputs; j++) {
                in[k][j] = w.get(k, j);
            }
        }
        return new LayerUnits(layer, rows, cols, in, layer < net.layers() ? outgoing(net.weights(layer)) : null);
    }

    /** Column k of {@code next} ((n_{l+1}, n_l)) for every unit k. */
    private static double[][] outgoing(Matrix next) {
        double[][] out = new double[next.columns()][next.rows()];
        for (int k = 0; k < next.columns(); k++) {
            for (int i = 0; i < next.rows(); i++) {
                out[k][i] = next.get(i, k);
            }
        }
        return out;
    }

    public int units() {
        return incoming.length;
    }
}
