package mnistshell.nn.layer;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import mnistshell.nn.Init;
import mnistshell.nn.Network;
import org.la4j.Matrix;

/**
 * A network as a list of layers, each one's output the next one's input, ending in logits that
 * softmax turns into class probabilities, trained on the mean cross-entropy: the reference
 * {@code Network} generalised, which a stack of {@link Dense} layers equals to the bit.
 */
public final class Sequential {

    private final Shape in;
    private final List<Layer> layers;

    /** The layers in order; each one's input shape must be the previous one's output shape. */
    public Sequential(Shape in, List<Layer> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one layer");
        }
        Shape at = in;
        for (Layer layer : layers) {
            if (layer.in().size() != at.size()) {
                throw new IllegalArgumentException(layer.token() + " takes " + layer.in() + ", given " + at);
            }
            at = layer.out();
        }
        this.in = in;
        this.layers = List.copyOf(layers);
    }

    public Shape in() {
        return in;
    }

    /** The classes: the last layer's outputs. */
    public int classes() {
        return layers.get(layers.size() - 1).out().size();
    }

    public List<Layer> layers() {
        return layers;
    }

    /**
     * What {@link LayerSpec#parse} reads back into this network: {@code conv8k5-pool2-64-10}, the
     * input implied; when the first layer is dense, the input size leads, as in {@code 784-64-10}.
     */
    public String spec() {
        String layers = String.join("-", this.layers.stream().map(Layer::token).toList());
        return this.layers.get(0) instanceof Dense ? in.size() + "-" + layers : layers;
    }

    /**
     * Every parameter tensor of every layer, in order, numbered by the layers that have any:
     * {@code W1, b1, W2, b2, ...} (so a dense stack's names are {@code Network}'s). Live views.
     */
    public List<Param> params() {
        List<Param> out = new ArrayList<>();
        int number = 0;
        for (Layer layer : layers) {
            if (!layer.params().isEmpty()) {
                number++;
            }
            for (Param p : layer.params()) {
                out.add(p.named(p.name() + number));
            }
        }
        return out;
    }

    public long parameterCount() {
        return layers.stream().mapToLong(Layer::parameterCount).sum();
    }

    /**
     * Fresh parameters from one generator seeded with {@code seed}, layer by layer (W before b),
     * row by row, as {@code Network.create} draws them: a dense stack gets its very numbers.
     */
    public void initialise(Init init, long seed) {
        Random random = new Random(seed);
        for (Layer layer : layers) {
            if (layer.params().isEmpty()) {
                continue;
            }
            double[][] w = layer.params().get(0).values();
            double[][] b = layer.params().get(1).values();
            int fanOut = layer instanceof Conv conv ? conv.fanOut() : w.length;
            init.fill(w, b, random, w[0].length, fanOut);
        }
    }

    /** X: (in().size(), m) → the logits Z: (classes(), m). */
    public Matrix logits(Matrix x, Pass pass) {
        Matrix a = x;
        for (Layer layer : layers) {
            a = layer.forward(a, pass);
        }
        return a;
    }

    /** X: (in().size(), m) → softmax probabilities: (classes(), m), each column summing to 1. */
    public Matrix probabilities(Matrix x, Pass pass) {
        return Network.softmax(logits(x, pass));
    }

    /** One forward and backward pass: its loss, right answers, probabilities and the input's gradient. */
    public record Outcome(double loss, int correct, Matrix probabilities, Matrix dInput) {
    }

    /**
     * Forward and backward over X: (in().size(), m) with labels (m): fills every parameter's
     * gradient with the mean over the m samples of the cross-entropy's gradient, starting from
     * {@code dZ_L = P - onehot(Y)}, and returns the mean loss (before any update), the right
     * answers, P: (classes(), m) and dX: (in().size(), m), each column sample j's own gradient.
     */
    public Outcome backward(Matrix x, int[] labels, Pass pass) {
        Matrix z = logits(x, pass);
        Matrix p = Network.softmax(z);
        Matrix d = p.subtract(Network.oneHot(labels, classes()));
        for (int l = layers.size() - 1; l >= 0; l--) {
            d = layers.get(l).backward(d);
        }
        return new Outcome(Network.loss(z, labels), Network.correct(p, labels), p, d);
    }
}
