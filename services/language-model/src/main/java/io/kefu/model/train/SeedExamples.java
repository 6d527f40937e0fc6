package io.kefu.model.train;

import io.kefu.corpus.Conversation;
import io.kefu.corpus.SeedCorpus;
import io.kefu.corpus.Split;
import io.kefu.corpus.Turn;
import io.kefu.model.tokenizer.ChatTurn;
import java.util.ArrayList;
import java.util.List;

/** Turns seed-corpus conversations into training examples. */
public final class SeedExamples {

    private SeedExamples() {}

    /**
     * Generates seed-corpus conversations as positive examples of weight 1.
     *
     * @param split which part of the corpus
     * @param count how many
     * @param seed corpus seed
     * @return the examples
     */
    public static List<ReplyExample> generate(Split split, int count, long seed) {
        return from(SeedCorpus.withDefaults().generate(split, count, seed));
    }

    /**
     * Converts conversations.
     *
     * @param conversations seed-corpus conversations
     * @return one positive example of weight 1 each
     */
    public static List<ReplyExample> from(List<Conversation> conversations) {
        List<ReplyExample> out = new ArrayList<>(conversations.size());
        for (Conversation conversation : conversations) {
            out.add(ReplyExample.positive(context(conversation.context()), conversation.customerMessage(),
                    conversation.reply()));
        }
        return out;
    }

    /**
     * Converts earlier turns.
     *
     * @param turns seed-corpus turns
     * @return the same turns for the prompt format
     */
    public static List<ChatTurn> context(List<Turn> turns) {
        List<ChatTurn> out = new ArrayList<>(turns.size());
        for (Turn turn : turns) {
            out.add(turn.role() == Turn.Role.AGENT ? ChatTurn.agent(turn.text()) : ChatTurn.customer(turn.text()));
        }
        return out;
    }
}
