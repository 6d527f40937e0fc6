package io.kefu.model.generate;

import io.kefu.model.tokenizer.ChatTurn;
import java.util.List;
import java.util.Objects;

/**
 * A reply to generate.
 *
 * @param context earlier turns, oldest first
 * @param message the customer message to answer
 * @param sampling how to pick tokens
 */
public record GenerationRequest(List<ChatTurn> context, String message, SamplingSettings sampling) {

    /** Checks the fields. */
    public GenerationRequest {
        context = List.copyOf(Objects.requireNonNull(context, "context"));
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(sampling, "sampling");
    }

    /**
     * Creates a greedy request.
     *
     * @param context earlier turns
     * @param message the message
     * @param maxNewTokens token limit
     * @return the request
     */
    public static GenerationRequest greedy(List<ChatTurn> context, String message, int maxNewTokens) {
        return new GenerationRequest(context, message, SamplingSettings.greedy(maxNewTokens));
    }
}
