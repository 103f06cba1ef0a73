package mnistshell.session;

import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import mnistshell.data.Dataset;
import mnistshell.data.EmbeddedSample;
import mnistshell.data.Split;
import mnistshell.nn.Activation;
import mnistshell.nn.Evaluation;
import mnistshell.nn.FastKernel;
import mnistshell.nn.Network;
import mnistshell.nn.Trainer;

/**
 * Everything the shell's commands work on: the loaded data, how it is split, the network, and how
 * far training has gone. Commands read and change it; nothing else holds state.
 *
 * <p>Training and evaluation run on the {@link FastKernel}, which tests hold equal to the la4j
 * reference ({@link Trainer}).
 */
public final class Session {

    public static final long DEFAULT_SEED = 2;
    public static final int DEFAULT_TEST_IMAGES = 1000;
    public static final int[] SEED_ARCHITECTURE = {784, 10, 10};
    public static final double SEED_LEARNING_RATE = 0.10;

    private final Dataset data;
    private final Split split;
    private Network network;
    private long initSeed;
    private int iteration;
    private final double learningRate = SEED_LEARNING_RATE;
    private final FastKernel kernel = new FastKernel(Runtime.getRuntime().availableProcessors());
    private DrawnImages drawn;

    public Session(Dataset data, Split split, long initSeed) {
        this.data = data;
        this.split = split;
        init(initSeed);
    }

    /** The shell at start: the embedded sample, 1,000 test images held out, the seed's network. */
    public static Session withEmbeddedSample() {
        Dataset sample = EmbeddedSample.load();
        return new Session(sample, Split.shuffled(sample.size(), DEFAULT_TEST_IMAGES, DEFAULT_SEED), DEFAULT_SEED);
    }

    /** Fresh weights for the seed's architecture (inputs sized to the data), He-initialised from {@code seed}. */
    public void init(long seed) {
        int[] sizes = SEED_ARCHITECTURE.clone();
        sizes[0] = data.features();
        network = Network.he(sizes, Activation.LeakyRelu.SEED, seed);
        initSeed = seed;
        iteration = 0;
    }

    /**
     * Makes up to {@code updates} full-batch gradient-descent updates, stopping early (between
     * updates, so the weights stay consistent) when {@code cancelled} says so. {@code progress}
     * hears the update count after each update.
     */
    public StepReport step(int updates, BooleanSupplier cancelled, IntConsumer progress) {
        long start = System.nanoTime();
        int done = 0;
        while (done < updates && !cancelled.getAsBoolean()) {
            network.descend(kernel.gradients(network, data, split.train()), learningRate);
            done++;
            iteration++;
            progress.accept(iteration);
        }
        Evaluation train = evaluateTrain();
        Evaluation test = evaluateTest();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new StepReport(done, iteration, train.loss(), train.accuracy(), test.accuracy(), seconds,
                done < updates);
    }

    public Evaluation evaluateTrain() {
        return kernel.evaluate(network, data, split.train());
    }

    public Evaluation evaluateTest() {
        return kernel.evaluate(network, data, split.test());
    }

    /** Class probabilities of image {@code index} of the loaded data. */
    public double[] probabilities(int index) {
        return Trainer.probabilities(network, data, index);
    }

    public Dataset data() {
        return data;
    }

    public Split split() {
        return split;
    }

    public Network network() {
        return network;
    }

    public int iteration() {
        return iteration;
    }

    public long initSeed() {
        return initSeed;
    }

    public double learningRate() {
        return learningRate;
    }

    /** Images drawn on the pad and kept; never trained on. */
    public DrawnImages drawn() {
        if (drawn == null) {
            drawn = new DrawnImages(data.features());
        }
        return drawn;
    }

    /** Class probabilities of an image given as stored pixels ({@code data().features()} bytes, 0..255). */
    public double[] probabilities(byte[] pixels) {
        // A one-image dataset seen as the loaded data is (normalised or raw); its label is never read.
        Dataset one = new Dataset("drawn", data.rows(), data.cols(), pixels.clone(), new byte[1], data.normalized());
        return Trainer.probabilities(network, one, 0);
    }
}
