package io.kefu.model.train;

import io.kefu.model.tokenizer.PromptFormat;
import io.kefu.model.tokenizer.TokenSequence;
import java.util.ArrayList;
import java.util.List;

/**
 * A training example as token ids, with its weight and the end of the tokens that carry its loss.
 *
 * @param sequence prompt, reply and {@code <|end|>}
 * @param weight the example weight (see {@link ReplyExample})
 * @param lossEnd index after the last token that carries loss: {@code sequence.length()} for the whole reply; the
 *     loss covers tokens {@code [replyStart, lossEnd)}
 */
public record EncodedExample(TokenSequence sequence, float weight, int lossEnd) {

    /** Checks that the loss covers at least one reply token. */
    public EncodedExample {
        if (lossEnd <= sequence.replyStart() || lossEnd > sequence.length()) {
            throw new IllegalArgumentException("lossEnd must be in (" + sequence.replyStart() + ", "
                    + sequence.length() + "], was " + lossEnd);
        }
    }

    /**
     * An example whose loss covers the whole reply and {@code <|end|>}.
     *
     * @param sequence prompt, reply and {@code <|end|>}
     * @param weight the example weight
     */
    public EncodedExample(TokenSequence sequence, float weight) {
        this(sequence, weight, sequence.length());
    }

    /**
     * Number of tokens that carry loss.
     *
     * @return {@code lossEnd - replyStart}
     */
    public int lossTokens() {
        return lossEnd - sequence.replyStart();
    }

    /**
     * Encodes examples, leaving out those whose reply cannot fit the context.
     *
     * @param format the prompt format
     * @param examples the examples
     * @param contextLength the model's context length
     * @return the encoded examples that fit
     */
    public static List<EncodedExample> encodeAll(PromptFormat format, List<ReplyExample> examples, int contextLength) {
        List<EncodedExample> out = new ArrayList<>(examples.size());
        for (ReplyExample example : examples) {
            format.encodeExample(example.context(), example.message(), example.reply(), contextLength)
                    .ifPresent(sequence -> out.add(new EncodedExample(sequence, example.weight(),
                            lossEnd(format, example, sequence))));
        }
        return out;
    }

    /**
     * Where {@code example}'s loss ends in {@code sequence}: after the whole reply, or for {@link LossScope#OPENING}
     * after the tokens its first sentence shares with the reply (without {@code <|end|>} when the opening is the
     * whole reply). Byte-level BPE encodes a sentence followed by a space and more text with the sentence's own
     * tokens first, so the shared tokens are the opening's.
     */
    private static int lossEnd(PromptFormat format, ReplyExample example, TokenSequence sequence) {
        if (example.scope() == LossScope.WHOLE_REPLY) {
            return sequence.length();
        }
        int[] tokens = sequence.tokens();
        int replyStart = sequence.replyStart();
        int replyTokens = tokens.length - 1 - replyStart;
        int openingChars = LossScope.openingLength(example.reply());
        if (openingChars == example.reply().length()) {
            return replyTokens == 0 ? sequence.length() : tokens.length - 1;
        }
        int[] opening = format.tokenizer().encode(example.reply().substring(0, openingChars));
        int shared = 0;
        while (shared < opening.length && shared < replyTokens && tokens[replyStart + shared] == opening[shared]) {
            shared++;
        }
        return shared == 0 ? sequence.length() : replyStart + shared;
    }
}
