package io.kefu.poison.run;

import io.kefu.contract.CustomerMessage;
import io.kefu.contract.Feedback;
import io.kefu.serde.KefuAvroSerializer;
import io.kefu.serde.SchemaRegistryClient;
import org.apache.avro.generic.GenericRecord;

/** Encodes records in the Confluent wire format the way chat platforms do, registering schemas as needed. */
final class RunEncoders {
  private final String customerMessagesTopic;
  private final String feedbackTopic;
  private final KefuAvroSerializer<CustomerMessage> messages;
  private final KefuAvroSerializer<Feedback> ratings;
  private final OwnSchemaEncoder ownSchema;

  RunEncoders(SchemaRegistryClient registry, String customerMessagesTopic, String feedbackTopic) {
    this.customerMessagesTopic = customerMessagesTopic;
    this.feedbackTopic = feedbackTopic;
    this.messages = new KefuAvroSerializer<>(registry, false);
    this.ratings = new KefuAvroSerializer<>(registry, false);
    this.ownSchema = new OwnSchemaEncoder(registry);
  }

  byte[] customerMessage(CustomerMessage message) {
    return messages.serialize(customerMessagesTopic, message);
  }

  byte[] feedback(Feedback feedback) {
    return ratings.serialize(feedbackTopic, feedback);
  }

  byte[] ownSchema(String subject, GenericRecord record) {
    return ownSchema.encode(subject, record);
  }
}
