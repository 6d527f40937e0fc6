package io.kefu.model.tokenizer;

import java.util.Objects;

/**
 * One earlier turn of a conversation, as the prompt renders it.
 *
 * @param role who wrote it
 * @param text what was written
 */
public record ChatTurn(Role role, String text) {

    /** Who wrote a turn. */
    public enum Role {
        /** The customer. */
        CUSTOMER,
        /** The agent (the model or a person). */
        AGENT
    }

    /** Checks both fields are present. */
    public ChatTurn {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(text, "text");
    }

    /**
     * Creates a customer turn.
     *
     * @param text the text
     * @return the turn
     */
    public static ChatTurn customer(String text) {
        return new ChatTurn(Role.CUSTOMER, text);
    }

    /**
     * Creates an agent turn.
     *
     * @param text the text
     * @return the turn
     */
    public static ChatTurn agent(String text) {
        return new ChatTurn(Role.AGENT, text);
    }
}
