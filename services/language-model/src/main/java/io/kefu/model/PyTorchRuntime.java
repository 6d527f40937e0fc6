package io.kefu.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
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
     * Sets PyTorch's intra-op thread count of the calling thread and of threads that start PyTorch
     * work later without choosing (see {@link #setThreadIntraOpThreads}).
     *
     * <p>Measured on 2 cores: training (large matmuls) runs 1.6x faster with 2 threads than with 1,
     * while decoding (many small ops) runs faster with 1, because waking a passive OpenMP thread
     * costs more than the small op it would share. 0 leaves the default (one thread per core).
     *
     * @param threads threads, or 0 to leave the setting alone
     */
    public static void setIntraOpThreads(int threads) {
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be >= 0, was " + threads);
        }
        if (threads > 0) {
            setThreadIntraOpThreads(threads);
        } else {
            engine();
        }
    }

    /**
     * Sets the calling thread's PyTorch intra-op thread count.
     *
     * <p>PyTorch keeps the count per thread (OpenMP's and MKL's thread-local settings): a thread reads
     * the process-wide value once, at its first parallel operation, and keeps it. This method first
     * makes that first read happen, then sets the calling thread's own count, so a thread that uses
     * it is not changed by another thread setting its own later. Threads that start PyTorch work
     * afterwards without choosing inherit the value set here.
     *
     * @param threads threads, at least 1
     */
    public static void setThreadIntraOpThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        engine();
        JniUtils.getNumThreads();
        JniUtils.setNumThreads(threads);
    }

    /**
     * Returns the intra-op threads a computation-heavy thread (training) uses: {@code OMP_NUM_THREADS}
     * when the environment sets it, otherwise one per core.
     *
     * @return threads, at least 1
     */
    public static int defaultThreads() {
        String fromEnvironment = System.getenv("OMP_NUM_THREADS");
        if (fromEnvironment != null) {
            try {
                int threads = Integer.parseInt(fromEnvironment.strip());
                if (threads > 0) {
                    return threads;
                }
            } catch (NumberFormatException e) {
                // not a plain count (OpenMP also accepts lists): fall back to one per core
            }
        }
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Stops PyTorch recording autograd history on this thread until the returned scope closes, then
     * restores the thread's previous mode (PyTorch keeps the mode per thread; it is on by default).
     *
     * <p>Inference must run inside such a scope: a model that has been trained keeps its parameters'
     * gradients attached, and with recording on, every decode step that writes into a long-lived
     * KV cache would chain the cache to that step's graph, keeping every step's activations alive
     * for as long as the cache lives (measured: resident memory grew by gigabytes a minute under
     * continuous load). Managers of other engines get a scope that does nothing.
     *
     * @param manager a manager of the arrays the inference computes on
     * @return the scope to close when the inference is done
     */
    public static GradientsOff withoutGradients(NDManager manager) {
        if (!"PyTorch".equals(manager.getEngine().getEngineName()) || !JniUtils.isGradMode()) {
            return GradientsOff.NOTHING_TO_RESTORE;
        }
        JniUtils.setGradMode(false);
        return GradientsOff.RESTORE;
    }

    /** A thread's autograd recording, off until closed; see {@link #withoutGradients}. */
    public enum GradientsOff implements AutoCloseable {
        /** Recording was already off, or the engine is not PyTorch. */
        NOTHING_TO_RESTORE,
        /** Recording was on and is turned back on when closed. */
        RESTORE;

        @Override
        public void close() {
            if (this == RESTORE) {
                JniUtils.setGradMode(true);
            }
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
