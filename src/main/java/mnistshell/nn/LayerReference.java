package mnistshell.nn;

import java.util.Arrays;
import java.util.List;
import mnistshell.data.Dataset;
import mnistshell.nn.layer.Param;
import mnistshell.nn.layer.Pass;
import mnistshell.nn.layer.Sequential;
import org.la4j.Matrix;

/**
 * The la4j layers of a {@link Sequential} themselves, fed from a dataset: the batch as one matrix
 * of columns ({@link Batch}), one {@link Sequential#backward} over it, and its parameters'
 * gradients copied out. What {@link LayerKernel} is checked against; made for checks, it holds the
 * whole batch (and a convolution's patches of it) at once.
 */
public final class LayerReference implements LayerEngine {

    @Override
    public String name() {
        return "reference";
    }

    @Override
    public Gradients gradients(Sequential net, Dataset data, int[] indices, Pass pass) {
        LayerKernel.checkSamples(pass, indices);
        Batch batch = Batch.of(data, indices, 0, indices.length);
        Pass withSamples = new Pass(pass.training(), pass.seed(), pass.update(), indices.clone(), pass.biasGrad());
        Sequential.Outcome outcome = net.backward(batch.x(), batch.labels(), withSamples);
        List<Param> params = net.params();
        double[][][] dW = new double[params.size() / 2][][];
        double[][][] db = new double[params.size() / 2][][];
        for (int p = 0; p < params.size(); p += 2) {
            dW[p / 2] = copy(params.get(p).gradient());
            db[p / 2] = copy(params.get(p + 1).gradient());
        }
        return new Gradients(dW, db, outcome.loss(), outcome.correct());
    }

    @Override
    public Evaluation evaluate(Sequential net, Dataset data, int[] indices) {
        if (indices.length == 0) {
            return new Evaluation(0, 0, new int[0]);
        }
        Batch batch = Batch.of(data, indices, 0, indices.length);
        Matrix z = net.logits(batch.x(), Pass.evaluation());
        Matrix p = Network.softmax(z);
        int[] predictions = new int[indices.length];
        int correct = 0;
        for (int j = 0; j < indices.length; j++) {
            double[] column = new double[p.rows()];
            for (int i = 0; i < column.length; i++) {
                column[i] = p.get(i, j);
            }
            predictions[j] = Evaluation.argmax(column);
            correct += predictions[j] == batch.labels()[j] ? 1 : 0;
        }
        return new Evaluation(Network.loss(z, batch.labels()), correct, predictions);
    }

    private static double[][] copy(double[][] a) {
        return Arrays.stream(a).map(double[]::clone).toArray(double[][]::new);
    }
}
