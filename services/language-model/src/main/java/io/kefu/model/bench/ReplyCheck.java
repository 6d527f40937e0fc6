package io.kefu.model.bench;

import java.util.Optional;

/** Judges a generated reply (the seed corpus's ReplyJudge plugs in here). */
public interface ReplyCheck {

    /**
     * Tells whether the reply addresses the intent.
     *
     * @param intent the customer's intent
     * @param reply the reply text
     * @return true if it does
     */
    boolean addresses(String intent, String reply);

    /**
     * Tells whether the reply ends properly (a complete sentence, not cut off).
     *
     * @param reply the reply text
     * @return true if it does
     */
    boolean endsProperly(String reply);

    /**
     * Names the intent the reply answers, for the evaluation's confusion list.
     *
     * @param reply the reply text
     * @return the intent the judge reads in the reply, or empty when it reads none (the default: a check that cannot
     *     classify only says yes or no)
     */
    default Optional<String> judgedIntent(String reply) {
        return Optional.empty();
    }
}
