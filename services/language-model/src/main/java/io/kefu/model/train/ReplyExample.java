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
 * @param scope which reply tokens carry the loss
 */
public record ReplyExample(List<ChatTurn> context, String message, String reply, float weight, LossScope scope) {

    /** Checks the fields. */
    public ReplyExample {
        context = List.copyOf(Objects.requireNonNull(context, "context"));
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(reply, "reply");
        if (!Float.isFinite(weight)) {
            throw new IllegalArgumentException("weight must be finite, was " + weight);
        }
        Objects.requireNonNull(scope, "scope");
    }

    /**
     * An example whose loss covers the whole reply.
     *
     * @param context earlier turns, oldest first
     * @param message the customer message being answered
     * @param reply the agent reply
     * @param weight the example's weight
     */
    public ReplyExample(List<ChatTurn> context, String message, String reply, float weight) {
        this(context, message, reply, weight, LossScope.WHOLE_REPLY);
    }

    /**
     * This example with the loss on its reply's opening sentence only (see {@link LossScope#OPENING}).
     *
     * @return the example
     */
    public ReplyExample openingOnly() {
        return new ReplyExample(context, message, reply, weight, LossScope.OPENING);
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
