package io.kefu.model.testing;

import ai.djl.Device;
import io.kefu.model.LanguageModel;
import io.kefu.model.gpt.GptConfig;
import io.kefu.model.tokenizer.BpeTokenizer;

/** Tiny models for fast tests: byte-level vocabulary, a few thousand parameters. */
public final class TinyModels {

    private TinyModels() {}

    /**
     * Returns a tiny config over the byte-level vocabulary.
     *
     * @param contextLength context length
     * @return 2 layers, 2 heads, width 16
     */
    public static GptConfig config(int contextLength) {
        return new GptConfig(BpeTokenizer.bytesOnly().vocabSize(), contextLength, 2, 2, 16, 0f);
    }

    /**
     * Creates a freshly initialized tiny model on the CPU.
     *
     * @param contextLength context length
     * @param seed initializer seed
     * @return the model
     */
    public static LanguageModel create(int contextLength, int seed) {
        return LanguageModel.initialize("tiny", "v1", config(contextLength), BpeTokenizer.bytesOnly(),
                Device.cpu(), seed);
    }
}
