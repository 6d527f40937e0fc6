package io.kefu.poison.cases;

import io.kefu.contract.Channel;
import io.kefu.contract.CustomerMessage;
import io.kefu.contract.Feedback;
import io.kefu.contract.Locale;
import io.kefu.poison.run.OwnSchemaEncoder;
import io.kefu.serde.KefuAvroSerializer;
import io.kefu.serde.SchemaRegistryClient;
import java.time.Instant;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;

/** A {@link CaseContext} on an in-process registry client, with fixed ids and a fixed clock, for tests without Kafka. */
final class LocalCaseContext implements CaseContext {
  static final long NOW = 1_700_000_000_000L;
  static final String MESSAGES = "customer-messages";
  static final String FEEDBACK = "feedback";

  private final PoisonCase poisonCase;
  private final SchemaRegistryClient registry;

  LocalCaseContext(PoisonCase poisonCase, SchemaRegistryClient registry) {
    this.poisonCase = poisonCase;
    this.registry = registry;
  }

  @Override
  public String topic() {
    return poisonCase.target() == Target.CUSTOMER_MESSAGES ? MESSAGES : FEEDBACK;
  }

  @Override
  public String conversationId() {
    return "poison-" + poisonCase.name();
  }

  @Override
  public String messageId() {
    return "poison-" + poisonCase.name() + "-m";
  }

  @Override
  public long nowMillis() {
    return NOW;
  }

  @Override
  public CustomerMessage message(String text) {
    return CustomerMessage.newBuilder().setMessageId(messageId()).setConversationId(conversationId())
        .setCustomerId(null).setText(text).setLocale(Locale.EN).setChannel(Channel.WEB)
        .setSentAt(Instant.ofEpochMilli(NOW)).setAttributes(Map.of()).build();
  }

  @Override
  public CustomerMessage goodMessageBefore() {
    CustomerMessage m = message("Where is my order A1234?");
    m.setConversationId("good-0");
    m.setMessageId("good-0-m");
    return m;
  }

  @Override
  public Feedback rating(int stars) {
    return FeedbackCases.feedback("poison-" + poisonCase.name() + "-f", ratedReplyId(), "good-0", stars, NOW);
  }

  @Override
  public String ratedReplyId() {
    return "reply-of-good-0";
  }

  @Override
  public Feedback goodRatingBefore() {
    return FeedbackCases.feedback("good-rating-0", "reply-of-good-1", "good-1", 5, NOW);
  }

  @Override
  public String unknownReplyIdJoinedWithGoodAfter() {
    return "no-such-reply";
  }

  @Override
  public byte[] avro(CustomerMessage message) {
    return new KefuAvroSerializer<CustomerMessage>(registry, false).serialize(MESSAGES, message);
  }

  @Override
  public byte[] avro(Feedback feedback) {
    return new KefuAvroSerializer<Feedback>(registry, false).serialize(FEEDBACK, feedback);
  }

  @Override
  public byte[] avroWithOwnSchema(GenericRecord record) {
    return new OwnSchemaEncoder(registry).encode(topic() + "-poison-" + poisonCase.name(), record);
  }
}
