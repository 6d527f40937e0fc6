package io.kefu.feedback.decode;

import io.kefu.contract.HandoffRequest;
import io.kefu.contract.HandoffStatus;
import io.kefu.feedback.aggregate.MetricEvent;
import io.kefu.feedback.aggregate.VersionKeys;
import io.kefu.feedback.route.Routed;

/**
 * Counts each opened handoff for the model version that handed off; later updates of the same handoff
 * (ANSWERED, CLOSED) are not new handoffs.
 */
public final class HandoffCounting implements DecodedHandler<HandoffRequest> {

  @Override
  public void handle(String key, HandoffRequest handoff, DecodedInput input) {
    if (handoff.getStatus() != HandoffStatus.OPEN) {
      return;
    }
    input.forward(VersionKeys.ofModelVersion(handoff.getModelVersion()), new Routed.Metric(MetricEvent.handoff()));
  }
}
