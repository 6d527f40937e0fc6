package io.kefu.reply.pipeline;

import io.kefu.contract.CustomerMessage;
import io.kefu.kafka.dlq.DeadLetter;
import io.kefu.kafka.dlq.Decoded;
import io.kefu.kafka.dlq.RecordDecoder;
import io.kefu.reply.validate.InvalidMessageException;
import io.kefu.reply.validate.MessageValidator;
import io.kefu.serde.AvroWireFormatException;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Decides whether a consumed record can be answered: it must decode ({@link RecordDecoder}) and pass the
 * {@link MessageValidator}; otherwise it gets the dead letter that says why.
 */
public final class RecordAdmission {
  private static final Logger log = LoggerFactory.getLogger(RecordAdmission.class);

  /** The verdict on one record. */
  public sealed interface Verdict {}

  /** The record holds a message that can be answered. */
  public record Admitted(CustomerMessage message) implements Verdict {}

  /** The record goes to the dead-letter topic. */
  public record Refused(DeadLetter deadLetter) implements Verdict {}

  private final RecordDecoder<CustomerMessage> decoder;
  private final MessageValidator validator;
  private final String service;

  public RecordAdmission(RecordDecoder<CustomerMessage> decoder, MessageValidator validator, String service) {
    this.decoder = decoder;
    this.validator = validator;
    this.service = service;
  }

  /**
   * Admits or refuses {@code record}.
   *
   * @throws PollRetryException when the registry failed, which says nothing about the record itself
   */
  public Verdict admit(ConsumerRecord<byte[], byte[]> record) {
    Decoded<CustomerMessage> decoded = decoder.decode(record);
    if (decoded instanceof Decoded.Refused<CustomerMessage> refused) {
      DeadLetter letter = refused.deadLetter();
      if (letter.reason().equals(AvroWireFormatException.Reason.REGISTRY_ERROR.name())) {
        throw new PollRetryException("cannot decode " + where(record) + " because the schema registry failed: "
            + letter.detail(), null);
      }
      log.warn("dead-lettering {}: {} ({})", where(record), letter.reason(), letter.detail());
      return new Refused(letter);
    }
    Decoded.Ok<CustomerMessage> ok = (Decoded.Ok<CustomerMessage>) decoded;
    CustomerMessage message = ok.value();
    Optional<InvalidMessageException> invalid = validator.check(ok.key(), message);
    if (invalid.isEmpty()) {
      return new Admitted(message);
    }
    InvalidMessageException e = invalid.get();
    try (MDC.MDCCloseable c = MDC.putCloseable("conversationId", abbreviate(message.getConversationId()))) {
      log.warn("dead-lettering {}: {} ({})", where(record), e.reason(), e.getMessage());
    }
    return new Refused(DeadLetter.of(e.reason().name(), e, record.topic(), record.partition(), record.offset(),
        service));
  }

  static String where(ConsumerRecord<byte[], byte[]> record) {
    return record.topic() + "-" + record.partition() + "@" + record.offset();
  }

  private static String abbreviate(String s) {
    return s.length() <= 128 ? s : s.substring(0, 128) + "…";
  }
}
