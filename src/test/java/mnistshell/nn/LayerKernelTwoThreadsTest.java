package mnistshell.nn;

/** The fast path on 2 threads passes the whole contract. */
class LayerKernelTwoThreadsTest extends LayerEngineContract {
    @Override
    LayerEngine engine() {
        return new LayerKernel(2);
    }
}
