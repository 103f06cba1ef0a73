package mnistshell.nn;

/** The reference passes its own contract: the checks themselves hold where they must. */
class LayerReferenceContractTest extends LayerEngineContract {
    @Override
    LayerEngine engine() {
        return new LayerReference();
    }
}
