package io.kefu.model.gpt;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * The shape of a GPT model; one record, read by every block.
 *
 * @param vocabSize token ids the model reads and predicts: the tokenizer's vocabulary (V)
 * @param contextLength most tokens in one sequence, prompt plus reply (T max); 256 fits a few
 *     turns and a reply with the BPE tokenizer
 * @param layers transformer blocks; 4 trains on 2 CPU cores within minutes
 * @param heads attention heads (H); the width must divide evenly among them
 * @param width embedding width (C); head size D = C / H
 * @param dropout dropout rate while training, on the embeddings and each residual branch (not on attention weights);
 *     base training uses 0.1
 * @param rotary whether attention also turns queries and keys by position (rotary embedding) on top of the learned
 *     position embedding; it lets a small model learn to copy (order numbers, codes) from the prompt. Artifacts
 *     written before the setting existed have no such field and read as {@code false}
 * @param copyAttention whether the first block's attention is copy attention: each key also carries the two
 *     tokens before its position and each query the token before its own (learned projections of their
 *     embeddings), so one attention step finds where the last two tokens read occurred before and copies what
 *     followed them: how a reply repeats an order number from the customer's message. Matching two tokens, not one,
 *     keeps a digit that occurs twice in a number from sending the copy to the wrong place. Artifacts written
 *     before the setting existed read as {@code false}
 */
public record GptConfig(int vocabSize, int contextLength, int layers, int heads, int width, float dropout,
        boolean rotary, boolean copyAttention) {

    /** Default context length. */
    public static final int DEFAULT_CONTEXT = 256;
    /** Default number of blocks. */
    public static final int DEFAULT_LAYERS = 4;
    /** Default number of heads. */
    public static final int DEFAULT_HEADS = 6;
    /** Default width. */
    public static final int DEFAULT_WIDTH = 192;

    /** Checks every dimension. */
    @JsonCreator
    public GptConfig {
        require(vocabSize > 0, "vocabSize must be > 0, was " + vocabSize);
        require(contextLength > 1, "contextLength must be > 1, was " + contextLength);
        require(layers > 0, "layers must be > 0, was " + layers);
        require(heads > 0, "heads must be > 0, was " + heads);
        require(width > 0 && width % heads == 0,
                "width must be a positive multiple of heads (" + heads + "), was " + width);
        require(dropout >= 0f && dropout < 1f, "dropout must be in [0, 1), was " + dropout);
        require(!rotary || (width / heads) % 2 == 0,
                "the rotary embedding needs an even head size (width / heads), was " + width / heads);
    }

    /**
     * A model with or without the rotary embedding and without copy attention: the shape of artifacts written
     * before copy attention existed.
     *
     * @param vocabSize V
     * @param contextLength T max
     * @param layers blocks
     * @param heads H
     * @param width C
     * @param dropout training dropout
     * @param rotary whether attention turns queries and keys by position
     */
    public GptConfig(int vocabSize, int contextLength, int layers, int heads, int width, float dropout,
            boolean rotary) {
        this(vocabSize, contextLength, layers, heads, width, dropout, rotary, false);
    }

    /**
     * A model with the rotary embedding and copy attention, the default for new models.
     *
     * @param vocabSize V
     * @param contextLength T max
     * @param layers blocks
     * @param heads H
     * @param width C
     * @param dropout training dropout
     */
    public GptConfig(int vocabSize, int contextLength, int layers, int heads, int width, float dropout) {
        this(vocabSize, contextLength, layers, heads, width, dropout, true, true);
    }

    /**
     * Returns the default size for a vocabulary.
     *
     * @param vocabSize the tokenizer's vocabulary size
     * @return 4 layers, 6 heads, width 192, context 256, no dropout
     */
    public static GptConfig defaults(int vocabSize) {
        return new GptConfig(vocabSize, DEFAULT_CONTEXT, DEFAULT_LAYERS, DEFAULT_HEADS, DEFAULT_WIDTH, 0f);
    }

    /**
     * Returns the head size.
     *
     * @return D = C / H
     */
    public int headSize() {
        return width / heads;
    }

    /**
     * Returns a copy with another dropout rate.
     *
     * @param rate the rate
     * @return the new config
     */
    public GptConfig withDropout(float rate) {
        return new GptConfig(vocabSize, contextLength, layers, heads, width, rate, rotary, copyAttention);
    }

    /**
     * Counts the trainable parameters (the head is tied, so not counted twice).
     *
     * @return parameter count
     */
    public long parameterCount() {
        long c = width;
        long perBlock = 2 * 2 * c + (c * 3 * c + 3 * c) + (c * c + c) + (c * 4 * c + 4 * c) + (4 * c * c + c);
        long copy = copyAttention ? 3 * c * c : 0;
        return (long) vocabSize * c + (long) contextLength * c + layers * perBlock + copy + 2 * c;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
