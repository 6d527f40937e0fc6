package io.kefu.model.bench;

import java.util.Objects;
import java.util.Optional;

/**
 * One evaluation case with its generated reply and the judge's verdicts.
 *
 * @param evalCase the conversation answered
 * @param reply the generated reply
 * @param addressed whether the reply addresses the case's intent
 * @param endsProperly whether the reply ends properly
 * @param stoppedAtEnd whether generation stopped at {@code <|end|>}
 * @param meanLogProb mean token log-probability of the reply
 * @param judgedIntent the intent the judge read in the reply, empty when none
 */
record JudgedReply(EvalCase evalCase, String reply, boolean addressed, boolean endsProperly, boolean stoppedAtEnd,
        double meanLogProb, Optional<String> judgedIntent) {

    /** Checks the fields. */
    JudgedReply {
        Objects.requireNonNull(evalCase, "evalCase");
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(judgedIntent, "judgedIntent");
    }
}
