package mnistshell.nn;

/** The fast path on 3 threads passes the whole contract. */
class LayerKernelThreeThreadsTest extends LayerEngineContract {
    @Override
    LayerEngine engine() {
        return new LayerKernel(3);
    }
}
