package io.kefu.model.train;

/**
 * Which reply tokens of an example carry the training loss.
 *
 * <p>{@link #OPENING} is for replay: a reply's first sentence says which intent it answers, and what follows it
 * (the end of the reply, or more detail) is how much to say. Replaying the base corpus with the loss on the opening
 * only keeps what the model knows about intents without pulling its length back to the base corpus's mix, which is
 * what customers' ratings are meant to teach.
 */
public enum LossScope {
    /** Every reply token and {@code <|end|>}. */
    WHOLE_REPLY,
    /** The reply's first sentence only; the token after it (end of reply or more text) carries no loss. */
    OPENING;

    /**
     * The length in chars of {@code reply}'s first sentence: up to and including the first {@code . ! ?} followed
     * by whitespace or the end of the text, or the first {@code 。！？}; the whole reply when it has no such end.
     *
     * @param reply the reply text
     * @return chars of the opening, at least 0 and at most {@code reply.length()}
     */
    public static int openingLength(String reply) {
        for (int i = 0; i < reply.length(); i++) {
            char c = reply.charAt(i);
            if (c == '。' || c == '！' || c == '？') {
                return i + 1;
            }
            if ((c == '.' || c == '!' || c == '?')
                    && (i + 1 == reply.length() || Character.isWhitespace(reply.charAt(i + 1)))) {
                return i + 1;
            }
        }
        return reply.length();
    }
}
