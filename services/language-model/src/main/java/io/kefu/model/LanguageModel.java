package io.kefu.model;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.kefu.model.gpt.Gpt;
import io.kefu.model.gpt.GptConfig;
import io.kefu.model.tokenizer.BpeTokenizer;
import io.kefu.model.tokenizer.PromptFormat;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A loaded model version: its name and version, config, tokenizer, and the DJL {@link Model} that
 * owns the {@link Gpt} block's parameters on one device.
 */
public final class LanguageModel implements AutoCloseable {

    private final String name;
    private final String version;
    private final GptConfig config;
    private final BpeTokenizer tokenizer;
    private final Model model;
    private final Gpt gpt;

    private LanguageModel(String name, String version, GptConfig config, BpeTokenizer tokenizer, Model model) {
        this.name = Objects.requireNonNull(name, "name");
        this.version = Objects.requireNonNull(version, "version");
        this.config = config;
        this.tokenizer = tokenizer;
        this.model = model;
        this.gpt = (Gpt) model.getBlock();
        if (tokenizer.vocabSize() != config.vocabSize()) {
            model.close();
            throw new IllegalArgumentException("config vocabSize " + config.vocabSize()
                    + " does not match the tokenizer's " + tokenizer.vocabSize());
        }
    }

    /**
     * Creates a model with freshly initialized parameters.
     *
     * @param name model name
     * @param version version label
     * @param config shape
     * @param tokenizer tokenizer (its vocabulary size must equal the config's)
     * @param device where the parameters live
     * @param seed seed for the initializer
     * @return the model
     */
    public static LanguageModel initialize(String name, String version, GptConfig config, BpeTokenizer tokenizer,
            Device device, int seed) {
        Engine engine = PyTorchRuntime.engine();
        engine.setRandomSeed(seed);
        Model model = Model.newInstance(name, device, engine.getEngineName());
        model.setBlock(new Gpt(config));
        model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, config.contextLength()));
        return new LanguageModel(name, version, config, tokenizer, model);
    }

    /**
     * Creates a model whose parameters are read from a DJL parameter file.
     *
     * @param name model name
     * @param version version label
     * @param config shape
     * @param tokenizer tokenizer
     * @param weights file written by {@link #saveWeights}
     * @param device where the parameters live
     * @return the model
     * @throws IOException if the file cannot be read or does not fit the config
     */
    public static LanguageModel load(String name, String version, GptConfig config, BpeTokenizer tokenizer,
            Path weights, Device device) throws IOException {
        Engine engine = PyTorchRuntime.engine();
        Model model = Model.newInstance(name, device, engine.getEngineName());
        Gpt block = new Gpt(config);
        model.setBlock(block);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(weights)))) {
            block.loadParameters(model.getNDManager(), in);
        } catch (MalformedModelException | RuntimeException e) {
            model.close();
            throw new IOException("weights " + weights + " do not fit config " + config + ": " + e.getMessage(), e);
        }
        return new LanguageModel(name, version, config, tokenizer, model);
    }

    /**
     * Writes the parameters in DJL's parameter format ({@code Block.saveParameters}).
     *
     * @param file target file
     * @throws IOException if writing fails
     */
    public void saveWeights(Path file) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            gpt.saveParameters(out);
        }
    }

    /**
     * Returns a copy of this model under another version label, on the same device.
     *
     * @param newVersion the version label
     * @param scratch a file to pass the weights through
     * @return an independent model with equal parameters
     * @throws IOException if the scratch file cannot be used
     */
    public LanguageModel copyAs(String newVersion, Path scratch) throws IOException {
        saveWeights(scratch);
        return load(name, newVersion, config, tokenizer, scratch, device());
    }

    /**
     * Returns the model name.
     *
     * @return name
     */
    public String name() {
        return name;
    }

    /**
     * Returns the version label.
     *
     * @return version
     */
    public String version() {
        return version;
    }

    /**
     * Returns the config.
     *
     * @return config
     */
    public GptConfig config() {
        return config;
    }

    /**
     * Returns the tokenizer.
     *
     * @return tokenizer
     */
    public BpeTokenizer tokenizer() {
        return tokenizer;
    }

    /**
     * Returns the prompt format over this model's tokenizer.
     *
     * @return the format
     */
    public PromptFormat promptFormat() {
        return new PromptFormat(tokenizer);
    }

    /**
     * Returns the GPT block.
     *
     * @return the block
     */
    public Gpt block() {
        return gpt;
    }

    /**
     * Returns the DJL model (for trainers).
     *
     * @return the model
     */
    public Model djlModel() {
        return model;
    }

    /**
     * Returns the device the parameters live on.
     *
     * @return the device
     */
    public Device device() {
        return model.getNDManager().getDevice();
    }

    /**
     * Returns the manager owning the parameters; use sub-managers of it for scratch tensors.
     *
     * @return the manager
     */
    public NDManager manager() {
        return model.getNDManager();
    }

    /**
     * Returns a parameter store for inference.
     *
     * @param manager manager for any device copies
     * @return a store that does not track gradients
     */
    public ParameterStore inferenceStore(NDManager manager) {
        return new ParameterStore(manager, false);
    }

    /** Frees the parameters. */
    @Override
    public void close() {
        model.close();
    }

    @Override
    public String toString() {
        return name + "@" + version + " " + config;
    }
}
