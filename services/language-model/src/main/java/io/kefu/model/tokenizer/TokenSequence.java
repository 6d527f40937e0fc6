package io.kefu.model.tokenizer;

/**
 * A rendered training sequence: prompt tokens followed by reply tokens and {@code <|end|>}.
 *
 * @param tokens all token ids
 * @param replyStart index of the first reply token; tokens before it are the prompt
 */
public record TokenSequence(int[] tokens, int replyStart) {

    /** Checks the reply start lies inside the sequence. */
    public TokenSequence {
        if (replyStart < 1 || replyStart >= tokens.length) {
            throw new IllegalArgumentException("replyStart must be in [1, " + tokens.length + "), was " + replyStart);
        }
    }

    /**
     * Returns the sequence length.
     *
     * @return number of tokens
     */
    public int length() {
        return tokens.length;
    }
}
