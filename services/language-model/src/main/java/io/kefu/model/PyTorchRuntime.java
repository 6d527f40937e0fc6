package io.kefu.model;

import ai.djl.engine.Engine;

/** Loads DJL's PyTorch engine from the native library shipped in the Maven jars, never from the network. */
public final class PyTorchRuntime {

    /** DJL's switch that forbids downloading native libraries or model-zoo metadata. */
    public static final String OFFLINE_PROPERTY = "ai.djl.offline";

    private PyTorchRuntime() {}

    /**
     * Returns the PyTorch engine, first forcing DJL offline unless the caller already chose.
     *
     * <p>The native library comes from {@code pytorch-native-cpu} (or a CUDA flavour if one is on
     * the class path); DJL extracts it to its cache directory ({@code DJL_CACHE_DIR}).
     *
     * @return the loaded engine
     */
    public static Engine engine() {
        if (System.getProperty(OFFLINE_PROPERTY) == null && System.getenv("DJL_OFFLINE") == null) {
            System.setProperty(OFFLINE_PROPERTY, "true");
        }
        Engine engine = Engine.getEngine("PyTorch");
        if (engine == null) {
            throw new IllegalStateException(
                    "DJL's PyTorch engine is not on the class path: add ai.djl.pytorch:pytorch-engine");
        }
        return engine;
    }
}
