package io.kefu.poison.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kefu.contract.CustomerMessage;
import io.kefu.kafka.config.KefuConfig;
import io.kefu.kafka.dlq.Decoded;
import io.kefu.kafka.dlq.RecordDecoder;
import io.kefu.contract.Feedback;
import io.kefu.reply.ReplyOptions;
import io.kefu.reply.pipeline.RecordAdmission;
import io.kefu.reply.validate.MessageValidator;
import io.kefu.serde.InMemorySchemaRegistryClient;
import io.kefu.serde.KefuAvroDeserializer;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class PoisonCatalogueTest {
  private final PoisonCatalogue catalogue = PoisonCatalogue.standard();

  @Test
  void shouldHoldAtLeast25UniquelyNamedCasesOnBothTopics() {
    assertThat(catalogue.cases()).hasSizeGreaterThanOrEqualTo(25);
    assertThat(catalogue.cases()).extracting(PoisonCase::name).doesNotHaveDuplicates();
    assertThat(catalogue.on(Target.CUSTOMER_MESSAGES)).isNotEmpty();
    assertThat(catalogue.on(Target.FEEDBACK)).isNotEmpty();
  }

  @Test
  void shouldCoverEveryBadInputTheReliabilityIssueNames() {
    assertThat(catalogue.cases()).extracting(PoisonCase::name).contains("random-bytes", "wrong-magic-byte",
        "unknown-schema-id", "truncated-avro", "wrong-schema", "null-value", "empty-text", "whitespace-text",
        "text-1mb", "invalid-utf8-text", "lone-surrogate-text", "emoji-10000", "mixed-script-text",
        "control-characters-only", "prompt-injection", "sql-injection", "html-script", "rating-0", "rating-6",
        "rating-minus-1", "rating-unknown-reply", "duplicate-message-id", "conversation-id-10kb", "oversized-headers",
        "unknown-locale", "unknown-locale-symbol", "negative-sent-at", "key-value-mismatch");
  }

  @Test
  void shouldKeepOnlyTheNamedCasesAndRefuseUnknownNames() {
    assertThat(catalogue.only(Set.of("rating-0", "random-bytes")).cases()).extracting(PoisonCase::name)
        .containsExactly("random-bytes", "rating-0");
    assertThatThrownBy(() -> catalogue.only(Set.of("rating-0", "no-such-case")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("no poison case is named [no-such-case]");
  }

  @Test
  void shouldBeRefusedByTheReplyServicesOwnAdmissionExactlyAsEachCustomerMessagesCaseExpects() {
    // Given the reply service's admission (its decoder and validator with the default limits) on a local registry
    InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    KefuConfig defaults = KefuConfig.load(KefuConfig.declaredSettings(), null, Map.of(), Map.of());
    RecordAdmission admission = new RecordAdmission(
        new RecordDecoder<>(KefuAvroDeserializer.of(CustomerMessage.class, registry), "reply-service"),
        new MessageValidator(ReplyOptions.from(defaults).limits()), "reply-service");

    for (PoisonCase c : catalogue.on(Target.CUSTOMER_MESSAGES)) {
      // When the case's record is built and admitted
      PoisonRecord record = c.builder().build(new LocalCaseContext(c, registry));
      RecordAdmission.Verdict verdict = admission.admit(consumed(LocalCaseContext.MESSAGES, record));

      // Then a DLQ case is refused with its reason, and every other case is admitted
      if (c.expected().outcome() == Outcome.DLQ) {
        assertThat(verdict).as(c.name()).isInstanceOf(RecordAdmission.Refused.class);
        assertThat(((RecordAdmission.Refused) verdict).deadLetter().reason()).as(c.name())
            .isEqualTo(c.expected().reason());
      } else {
        assertThat(verdict).as(c.name()).isInstanceOf(RecordAdmission.Admitted.class);
      }
    }
  }

  @Test
  void shouldDecodeEachFeedbackCaseToTheRatingItExpectsOrBeRefusedForItsBytes() {
    // Given the feedback stream's decoder on a local registry
    InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    RecordDecoder<Feedback> decoder =
        new RecordDecoder<>(KefuAvroDeserializer.of(Feedback.class, registry), "feedback-stream");
    Map<String, String> byteReasons = Map.of("rating-random-bytes", "WRONG_MAGIC_BYTE", "rating-wrong-magic-byte",
        "WRONG_MAGIC_BYTE", "rating-unknown-schema-id", "UNKNOWN_SCHEMA_ID", "rating-truncated-avro",
        "TRUNCATED_PAYLOAD", "rating-wrong-schema", "SCHEMA_NOT_READABLE", "rating-null-value", "NULL_VALUE",
        "rating-invalid-utf8-key", "INVALID_KEY");

    for (PoisonCase c : catalogue.on(Target.FEEDBACK)) {
      // When the case's record is built and decoded
      PoisonRecord record = c.builder().build(new LocalCaseContext(c, registry));
      Decoded<Feedback> decoded = decoder.decode(consumed(LocalCaseContext.FEEDBACK, record));

      // Then the cases about bytes are refused with their reason, and the rest decode to a rating
      if (byteReasons.containsKey(c.name())) {
        assertThat(decoded).as(c.name()).isInstanceOf(Decoded.Refused.class);
        assertThat(((Decoded.Refused<Feedback>) decoded).deadLetter().reason()).as(c.name())
            .isEqualTo(byteReasons.get(c.name()));
        assertThat(c.expected()).isEqualTo(Expected.dlq(byteReasons.get(c.name())));
      } else {
        assertThat(decoded).as(c.name()).isInstanceOf(Decoded.Ok.class);
      }
    }
  }

  private static ConsumerRecord<byte[], byte[]> consumed(String topic, PoisonRecord record) {
    RecordHeaders headers = new RecordHeaders();
    record.headers().forEach(headers::add);
    return new ConsumerRecord<>(topic, 0, 42L, LocalCaseContext.NOW, TimestampType.CREATE_TIME, -1, -1,
        record.key(), record.value(), headers, Optional.empty());
  }
}
