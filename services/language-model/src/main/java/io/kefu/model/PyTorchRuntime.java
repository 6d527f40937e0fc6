package io.kefu.model;

import ai.djl.engine.Engine;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * Loads DJL's PyTorch engine from the native library shipped in the Maven jars, never from the
 * network, with OpenMP threads that sleep rather than spin when idle.
 *
 * <p>Call {@link #engine()} before anything else touches DJL: both settings only take effect
 * before the native library loads.
 */
public final class PyTorchRuntime {

    /** DJL's switch that forbids downloading native libraries or model-zoo metadata. */
    public static final String OFFLINE_PROPERTY = "ai.djl.offline";

    /** OpenMP's idle policy; PyTorch's libgomp reads it once, when it loads. */
    public static final String OMP_WAIT_POLICY = "OMP_WAIT_POLICY";

    /** DJL's switch for PyTorch's intra-op threads, read once when the engine loads. */
    public static final String THREADS_PROPERTY = "ai.djl.pytorch.num_threads";

    /** The C library's setenv, to change the process environment the native code reads. */
    private interface CLibrary extends Library {
        int setenv(String name, String value, int overwrite);
    }

    private PyTorchRuntime() {}

    /**
     * Sets PyTorch's intra-op thread count for the whole process.
     *
     * <p>Measured on 2 cores: training (large matmuls) runs 1.6x faster with 2 threads than with 1,
     * while decoding (many small ops) runs faster with 1, because waking a passive OpenMP thread
     * costs more than the small op it would share. Services pick per process; 0 leaves the default
     * (one thread per core).
     *
     * @param threads threads, or 0 to leave the setting alone
     */
    public static void setIntraOpThreads(int threads) {
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be >= 0, was " + threads);
        }
        engine();
        if (threads > 0) {
            ai.djl.pytorch.jni.JniUtils.setNumThreads(threads);
        }
    }

    /**
     * Returns the PyTorch engine, first forcing DJL offline and OpenMP's passive wait policy unless
     * the caller already chose.
     *
     * <p>Spinning OpenMP threads are ruinous on a shared 2-core machine: a small training run
     * measured 73 s with spinning threads under load against 2.3 s with passive ones. The native
     * library comes from {@code pytorch-native-cpu} (or a CUDA flavour on the class path); DJL
     * extracts it to its cache directory ({@code DJL_CACHE_DIR}).
     *
     * @return the loaded engine
     */
    public static Engine engine() {
        if (System.getProperty(OFFLINE_PROPERTY) == null && System.getenv("DJL_OFFLINE") == null) {
            System.setProperty(OFFLINE_PROPERTY, "true");
        }
        if (System.getenv(OMP_WAIT_POLICY) == null && !Platform.isWindows()) {
            Native.load("c", CLibrary.class).setenv(OMP_WAIT_POLICY, "PASSIVE", 0);
        }
        Engine engine = Engine.getEngine("PyTorch");
        if (engine == null) {
            throw new IllegalStateException(
                    "DJL's PyTorch engine is not on the class path: add ai.djl.pytorch:pytorch-engine");
        }
        return engine;
    }
}
