package io.kefu.feedback;

import io.kefu.contract.AgentReply;
import io.kefu.contract.Feedback;
import io.kefu.contract.HandoffRequest;
import io.kefu.contract.OpsMetrics;
import io.kefu.contract.TrainingExample;
import io.kefu.serde.KefuAvroDeserializer;
import io.kefu.serde.KefuAvroSerde;
import io.kefu.serde.SchemaRegistryClient;
import java.util.Objects;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;

/**
 * The Avro serdes of the contract records the feedback stream reads and writes, sharing one registry client.
 *
 * @param feedback reads ratings
 * @param agentReply reads replies
 * @param handoff reads handoff requests
 * @param trainingExample writes training examples
 * @param opsMetrics writes windowed aggregates
 */
public record FeedbackSerdes(Deserializer<Feedback> feedback, Deserializer<AgentReply> agentReply,
    Deserializer<HandoffRequest> handoff, Serde<TrainingExample> trainingExample, Serde<OpsMetrics> opsMetrics) {

  public FeedbackSerdes {
    Objects.requireNonNull(feedback, "feedback");
    Objects.requireNonNull(agentReply, "agentReply");
    Objects.requireNonNull(handoff, "handoff");
    Objects.requireNonNull(trainingExample, "trainingExample");
    Objects.requireNonNull(opsMetrics, "opsMetrics");
  }

  /** Serdes over {@code client}; with {@code autoRegister} false the output schemas must already be registered. */
  public static FeedbackSerdes create(SchemaRegistryClient client, boolean autoRegister) {
    return new FeedbackSerdes(
        KefuAvroDeserializer.of(Feedback.class, client),
        KefuAvroDeserializer.of(AgentReply.class, client),
        KefuAvroDeserializer.of(HandoffRequest.class, client),
        KefuAvroSerde.of(TrainingExample.class, client, false, autoRegister),
        KefuAvroSerde.of(OpsMetrics.class, client, false, autoRegister));
  }
}
