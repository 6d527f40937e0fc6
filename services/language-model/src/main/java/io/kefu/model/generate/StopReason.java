package io.kefu.model.generate;

/** Why generation of a reply stopped. */
public enum StopReason {
    /** The model wrote {@code <|end|>}: the reply is complete. */
    END_TOKEN,
    /** The request's token limit was reached. */
    TOKEN_LIMIT,
    /** The sequence filled the model's context (or the cache's slot length). */
    CONTEXT_FULL
}
