package mnistshell.nn;

/** The fast path on 1 thread passes the whole contract. */
class LayerKernelOneThreadTest extends LayerEngineContract {
    @Override
    LayerEngine engine() {
        return new LayerKernel(1);
    }
}
