package io.kefu.poison.verify;

import io.kefu.poison.cases.PoisonCase;
import java.util.Objects;

/**
 * What the run wrote for one case: the good input before, the poison record, the good input after, and the ids
 * under which the poison's own outcome is looked up.
 *
 * @param poisonCase the case
 * @param before the good input written just before
 * @param poison the poison record
 * @param after the good input written just after
 * @param messageId the messageId whose replies belong to this case (customer-messages cases), or null
 * @param replyId the replyId whose training examples belong to this case (feedback cases), or null
 * @param stars the stars an expected training example must carry, or 0
 */
public record CaseRun(PoisonCase poisonCase, GoodInput before, SentRecord poison, GoodInput after, String messageId,
    String replyId, int stars) {

  public CaseRun {
    Objects.requireNonNull(poisonCase, "poisonCase");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(poison, "poison");
    Objects.requireNonNull(after, "after");
  }
}
