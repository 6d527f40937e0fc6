package io.kefu.model.train;

import io.kefu.model.tokenizer.ChatTurn;
import java.util.List;
import java.util.Objects;

/**
 * One training example: a conversation, the reply to learn from, and its weight.
 *
 * <p>A positive weight scales the reply's likelihood loss; a negative weight makes the reply a
 * negative example whose probability the unlikelihood term pushes down, scaled by |weight|; zero
 * contributes nothing.
 *
 * @param context earlier turns, oldest first
 * @param message the customer message being answered
 * @param reply the agent reply
 * @param weight the example's weight
 */
public record ReplyExample(List<ChatTurn> context, String message, String reply, float weight) {

    /** Checks the fields. */
    public ReplyExample {
        context = List.copyOf(Objects.requireNonNull(context, "context"));
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(reply, "reply");
        if (!Float.isFinite(weight)) {
            throw new IllegalArgumentException("weight must be finite, was " + weight);
        }
    }

    /**
     * Creates a positive example of weight 1.
     *
     * @param context earlier turns
     * @param message the message
     * @param reply the reply
     * @return the example
     */
    public static ReplyExample positive(List<ChatTurn> context, String message, String reply) {
        return new ReplyExample(context, message, reply, 1f);
    }
}
