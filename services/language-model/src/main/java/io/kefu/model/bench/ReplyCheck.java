package io.kefu.model.bench;

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
}
