package mnistshell.inspect;

import java.util.ArrayList;
import java.util.List;
import mnistshell.data.Dataset;
import mnistshell.nn.Activation;
import mnistshell.nn.Batch;
import mnistshell.nn.Engine;
import mnistshell.nn.LayerKernel;
import mnistshell.nn.Network;
import mnistshell.nn.layer.Conv;
import mnistshell.nn.layer.Dense;
import mnistshell.nn.layer.Layer;
import mnistshell.nn.layer.Pass;
import mnistshell.nn.layer.Sequential;
import org.la4j.Matrix;

/**
 * How alive a layered network is over a set of images, in one forward pass per chunk (dropout
 * off): each convolution's filters ({@link FilterActivity}) and each hidden dense layer's units
 * ({@link LayerActivity}, counted as {@code LayerActivity.of} counts a dense network's, from the
 * pre-activations {@code W in + b}).
 *
 * @param filters per convolution, in order
 * @param units   per hidden dense layer, in order; {@link LayerActivity#layer()} its place in the stack
 */
public record LayeredActivity(List<FilterActivity> filters, List<LayerActivity> units) {

    /** Images per forward pass: a conv layer unfolds each one into Ho Wo patches. */
    static final int CHUNK = 100;

    /** Over images {@code indices} of {@code data}, a chunk at a time. */
    public static LayeredActivity of(Sequential net, Dataset data, int[] indices) {
        Counts counts = new Counts(net);
        for (int from = 0; from < indices.length; from += CHUNK) {
            counts.add(Batch.of(data, indices, from, Math.min(indices.length, from + CHUNK)).x());
        }
        return counts.done();
    }

    /**
     * Over images {@code indices} of {@code data}, for a layered network or a dense one (as its
     * stack of dense layers, {@link Network#asStack}), in {@code engine}'s own forward pass where it
     * has one ({@link Engine#inside}: the fast kernel's, on every core), else in the reference's as
     * above. The counts are the same; the dense layers' slope shares may part in their last bits,
     * since the kernel makes each Z as its own chains of fused multiply-adds and sums the slopes
     * chunk by chunk, in chunk order, so that they are the same on any thread count.
     */
    public static LayeredActivity of(Network net, Dataset data, int[] indices, Engine engine) {
        Sequential stack = net.asStack(mnistshell.nn.layer.Shape.image(data.rows(), data.cols()));
        Counts counts = new Counts(stack);
        if (engine != null && engine.inside(stack, data, indices, counts::addChunk)) {
            return counts.done();
        }
        return of(stack, data, indices);
    }

    /** Over the images of X: (in().size(), m), one a column. */
    public static LayeredActivity of(Sequential net, Matrix x) {
        Counts counts = new Counts(net);
        counts.add(x);
        return counts.done();
    }

    /** How a unit of activation {@code f} at pre-activation z counts, as {@link LayerActivity} counts it. */
    private record UnitState(Activation f, boolean saturates, double largest, double flat) {
        UnitState(Activation f) {
            this(f, LayerActivity.saturates(f), Math.max(f.derivative(0), f.derivative(1)),
                    LayerActivity.SATURATED_SLOPE * f.derivative(0));
        }

        /** Unit u at z: its slope share into slope[u], and whether it is active or saturated. */
        void count(double z, int u, int[] active, int[] saturated, double[] slope) {
            double d = f.derivative(z);
            slope[u] += d / largest;
            active[u] += f.active(z) ? 1 : 0;
            saturated[u] += saturates && d < flat ? 1 : 0;
        }
    }

    /** The counts of every conv and hidden dense layer, filled a batch at a time. */
    private static final class Counts {
        private final List<Layer> layers;
        private final int[][] active;
        private final long[][] positions;
        private final int[][] saturated;
        private final double[][] slope;
        private int images;
        /** The kernel's chunks' slope sums by their first image, added in that order by {@link #done}. */
        private final java.util.TreeMap<Integer, double[][]> slopeParts = new java.util.TreeMap<>();

        Counts(Sequential net) {
            layers = net.layers().subList(0, net.layers().size() - 1); // the logits are no one's activity
            int n = layers.size();
            active = new int[n][];
            positions = new long[n][];
            saturated = new int[n][];
            slope = new double[n][];
            for (int l = 0; l < n; l++) {
                if (layers.get(l) instanceof Conv conv) {
                    active[l] = new int[conv.filters()];
                    positions[l] = new long[conv.filters()];
                } else if (layers.get(l) instanceof Dense dense && dense.activation() != null) {
                    int units = dense.out().size();
                    active[l] = new int[units];
                    saturated[l] = new int[units];
                    slope[l] = new double[units];
                }
            }
        }

        /** X: (in().size(), m) through every layer but the logits. */
        void add(Matrix x) {
            Matrix a = x;
            for (int l = 0; l < layers.size(); l++) {
                Layer layer = layers.get(l);
                Matrix in = a;
                a = layer.forward(in, Pass.evaluation());
                if (layer instanceof Conv conv) {
                    filters(a, conv.out().height() * conv.out().width(), active[l], positions[l]);
                } else if (active[l] != null) {
                    units((Dense) layer, in, l);
                }
            }
            images += x.columns();
        }

        /**
         * One chunk of the kernel's forward pass ({@link LayerKernel.Inside}): counted apart, then
         * merged; called on several threads at once.
         */
        void addChunk(int from, int count, double[][] z, double[][] a) {
            int n = layers.size();
            int[][] act = new int[n][];
            long[][] pos = new long[n][];
            int[][] sat = new int[n][];
            double[][] slopes = new double[n][];
            for (int l = 0; l < n; l++) {
                Layer layer = layers.get(l);
                if (layer instanceof Conv conv) {
                    int filters = conv.filters();
                    int positions = conv.out().height() * conv.out().width();
                    act[l] = new int[filters];
                    pos[l] = new long[filters];
                    int[] on = new int[filters];
                    double[] out = a[l + 1];
                    for (int j = 0; j < count; j++) {
                        java.util.Arrays.fill(on, 0);
                        for (int e = j * positions * filters, end = e + positions * filters, c = 0; e < end; e++) {
                            on[c] += out[e] > 0 ? 1 : 0;
                            c = c + 1 == filters ? 0 : c + 1;
                        }
                        for (int c = 0; c < filters; c++) {
                            act[l][c] += on[c] > 0 ? 1 : 0;
                            pos[l][c] += on[c];
                        }
                    }
                } else if (active[l] != null) {
                    Activation f = ((Dense) layer).activation();
                    int units = active[l].length;
                    act[l] = new int[units];
                    sat[l] = new int[units];
                    slopes[l] = new double[units];
                    UnitState state = new UnitState(f);
                    double[] zl = z[l];
                    for (int j = 0, e = 0; j < count; j++) {
                        for (int u = 0; u < units; u++, e++) {
                            state.count(zl[e], u, act[l], sat[l], slopes[l]);
                        }
                    }
                }
            }
            synchronized (this) {
                for (int l = 0; l < n; l++) {
                    for (int i = 0; act[l] != null && i < act[l].length; i++) {
                        active[l][i] += act[l][i];
                        if (pos[l] != null) {
                            positions[l][i] += pos[l][i];
                        } else {
                            saturated[l][i] += sat[l][i];
                        }
                    }
                }
                slopeParts.put(from, slopes);
                images += count;
            }
        }

        /** A: (C Ho Wo, m): for each filter c and image j, its positions above 0. */
        private static void filters(Matrix a, int positions, int[] images, long[] total) {
            for (int j = 0; j < a.columns(); j++) {
                for (int c = 0; c < images.length; c++) {
                    int on = 0;
                    for (int p = c * positions; p < (c + 1) * positions; p++) {
                        on += a.get(p, j) > 0 ? 1 : 0;
                    }
                    images[c] += on > 0 ? 1 : 0;
                    total[c] += on;
                }
            }
        }

        /** Dense layer l over its input X: (n_in, m): Z = W X + b, each unit's state as LayerActivity counts it. */
        private void units(Dense dense, Matrix in, int l) {
            UnitState state = new UnitState(dense.activation());
            double[][] w = dense.params().get(0).values();
            double[][] b = dense.params().get(1).values();
            for (int j = 0; j < in.columns(); j++) {
                for (int u = 0; u < w.length; u++) {
                    double z = b[u][0];
                    for (int i = 0; i < w[u].length; i++) {
                        z += w[u][i] * in.get(i, j);
                    }
                    state.count(z, u, active[l], saturated[l], slope[l]);
                }
            }
        }

        LayeredActivity done() {
            for (double[][] part : slopeParts.values()) {
                for (int l = 0; l < part.length; l++) {
                    for (int u = 0; part[l] != null && u < part[l].length; u++) {
                        slope[l][u] += part[l][u];
                    }
                }
            }
            slopeParts.clear();
            List<FilterActivity> convs = new ArrayList<>();
            List<LayerActivity> dense = new ArrayList<>();
            for (int l = 0; l < layers.size(); l++) {
                if (layers.get(l) instanceof Conv conv) {
                    String act = conv.activation() == null ? "none" : conv.activation().toString();
                    convs.add(new FilterActivity(l + 1, conv.token(), act, conv.out().height() * conv.out().width(),
                            images, active[l], positions[l]));
                } else if (active[l] != null) {
                    dense.add(new LayerActivity(l + 1, images, active[l], saturated[l], slope[l]));
                }
            }
            return new LayeredActivity(List.copyOf(convs), List.copyOf(dense));
        }
    }
}
