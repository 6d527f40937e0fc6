package io.kefu.model.train;

import io.kefu.model.tokenizer.PromptFormat;
import io.kefu.model.tokenizer.TokenSequence;
import java.util.ArrayList;
import java.util.List;

/**
 * A training example as token ids, with its weight.
 *
 * @param sequence prompt, reply and {@code <|end|>}
 * @param weight the example weight (see {@link ReplyExample})
 */
public record EncodedExample(TokenSequence sequence, float weight) {

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
                    .ifPresent(sequence -> out.add(new EncodedExample(sequence, example.weight())));
        }
        return out;
    }
}
