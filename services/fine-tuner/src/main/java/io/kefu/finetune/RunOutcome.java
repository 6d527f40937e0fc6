package io.kefu.finetune;

import io.kefu.contract.ModelVersion;

/**
 * What a run produced.
 *
 * @param record the model-versions record to publish: CANDIDATE or REJECTED, with parent, metrics, evaluation, reason
 * @param reused true when the artifact was already stored by an earlier attempt at the same run
 */
public record RunOutcome(ModelVersion record, boolean reused) {}
