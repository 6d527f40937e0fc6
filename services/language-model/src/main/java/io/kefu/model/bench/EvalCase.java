package io.kefu.model.bench;

import io.kefu.model.tokenizer.ChatTurn;
import java.util.List;
import java.util.Objects;

/**
 * One held-out conversation to answer and judge.
 *
 * @param intent what the customer wants (the judge's key)
 * @param locale language label, e.g. EN or ZH
 * @param context earlier turns
 * @param message the customer message
 */
public record EvalCase(String intent, String locale, List<ChatTurn> context, String message) {

    /** Checks the fields. */
    public EvalCase {
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(locale, "locale");
        context = List.copyOf(context);
        Objects.requireNonNull(message, "message");
    }
}
