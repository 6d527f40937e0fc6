package io.kefu.model.tokenizer;

/** The special tokens that frame a conversation; their ids follow the 256 byte tokens. */
public enum SpecialToken {
    /** Starts a customer turn. */
    CUSTOMER("<|customer|>"),
    /** Starts an agent turn: the model writes after it. */
    AGENT("<|agent|>"),
    /** Ends an agent reply: generation stops here. */
    END("<|end|>"),
    /** Fills batch rows past a sequence's end; never a training target. */
    PAD("<|pad|>");

    /** Number of byte tokens before the special tokens. */
    public static final int BYTE_TOKENS = 256;

    private final String text;

    SpecialToken(String text) {
        this.text = text;
    }

    /**
     * Returns the token's id.
     *
     * @return 256 + ordinal
     */
    public int id() {
        return BYTE_TOKENS + ordinal();
    }

    /**
     * Returns the marker text used when ids are rendered for people.
     *
     * @return e.g. {@code <|end|>}
     */
    public String text() {
        return text;
    }

    /**
     * Returns the special token with the given id, or null if the id is not special.
     *
     * @param id a token id
     * @return the token or null
     */
    public static SpecialToken ofId(int id) {
        int index = id - BYTE_TOKENS;
        SpecialToken[] all = values();
        return index >= 0 && index < all.length ? all[index] : null;
    }

    /**
     * Returns the first id after the special tokens, where BPE merges begin.
     *
     * @return 260
     */
    public static int firstMergeId() {
        return BYTE_TOKENS + values().length;
    }
}
