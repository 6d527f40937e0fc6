package io.kefu.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.Locale;

/** The device setting: {@code auto} (whatever DJL picks), {@code cpu} or {@code gpu}. */
public enum ComputeDevice {
    /** DJL's default device: the first GPU when the engine finds one, else the CPU. */
    AUTO,
    /** The CPU. */
    CPU,
    /** The first GPU; refused when the engine sees none. */
    GPU;

    /**
     * Parses a setting value.
     *
     * @param value {@code auto}, {@code cpu} or {@code gpu}, any case
     * @return the setting
     */
    public static ComputeDevice parse(String value) {
        if (value == null) {
            throw new IllegalArgumentException("device must be one of auto|cpu|gpu, was null");
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("device must be one of auto|cpu|gpu, was '" + value + "'", e);
        }
    }

    /**
     * Resolves the setting against the PyTorch engine.
     *
     * @return the DJL device to place the model and tensors on
     */
    public Device resolve() {
        Engine engine = PyTorchRuntime.engine();
        switch (this) {
            case CPU:
                return Device.cpu();
            case GPU:
                if (engine.getGpuCount() == 0) {
                    throw new IllegalStateException(
                            "device=gpu but the PyTorch engine sees no GPU (CUDA native library absent)");
                }
                return Device.gpu();
            default:
                return engine.defaultDevice();
        }
    }
}
