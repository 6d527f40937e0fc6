package io.kefu.poison.run;

import io.kefu.contract.AgentReply;
import io.kefu.contract.Channel;
import io.kefu.contract.CustomerMessage;
import io.kefu.contract.Feedback;
import io.kefu.contract.Locale;
import io.kefu.poison.cases.CaseContext;
import io.kefu.poison.cases.PoisonCase;
import java.time.Instant;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.apache.avro.generic.GenericRecord;

/** The {@link CaseContext} of one case in a run. */
final class RunContext implements CaseContext {
  private final PoisonCase poisonCase;
  private final String topic;
  private final RunEncoders encoders;
  private final LongSupplier clock;
  private final CustomerMessage goodMessageBefore;
  private final Feedback goodRatingBefore;
  private final String goodAfterReplyId;
  private final Supplier<AgentReply> replies;
  private final JoinPartitions joinPartitions;
  private AgentReply rated;
  private String unknownReplyId;

  RunContext(PoisonCase poisonCase, String topic, RunEncoders encoders, LongSupplier clock,
      CustomerMessage goodMessageBefore, Feedback goodRatingBefore, String goodAfterReplyId,
      Supplier<AgentReply> replies, JoinPartitions joinPartitions) {
    this.poisonCase = poisonCase;
    this.topic = topic;
    this.encoders = encoders;
    this.clock = clock;
    this.goodMessageBefore = goodMessageBefore;
    this.goodRatingBefore = goodRatingBefore;
    this.goodAfterReplyId = goodAfterReplyId;
    this.replies = replies;
    this.joinPartitions = joinPartitions;
  }

  @Override
  public String topic() {
    return topic;
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
    return clock.getAsLong();
  }

  @Override
  public CustomerMessage message(String text) {
    return CustomerMessage.newBuilder()
        .setMessageId(messageId())
        .setConversationId(conversationId())
        .setCustomerId(null)
        .setText(text)
        .setLocale(Locale.EN)
        .setChannel(Channel.WEB)
        .setSentAt(Instant.ofEpochMilli(nowMillis()))
        .setAttributes(Map.of())
        .build();
  }

  @Override
  public CustomerMessage goodMessageBefore() {
    return require(goodMessageBefore, "a good message before it");
  }

  @Override
  public Feedback rating(int stars) {
    AgentReply reply = ratedReply();
    return Feedback.newBuilder()
        .setFeedbackId("poison-" + poisonCase.name() + "-f")
        .setReplyId(reply.getReplyId())
        .setConversationId(reply.getConversationId())
        .setRating(stars)
        .setComment(null)
        .setRatedAt(Instant.ofEpochMilli(nowMillis()))
        .build();
  }

  @Override
  public String ratedReplyId() {
    return ratedReply().getReplyId();
  }

  @Override
  public Feedback goodRatingBefore() {
    return require(goodRatingBefore, "a good rating before it");
  }

  @Override
  public String unknownReplyIdJoinedWithGoodAfter() {
    if (unknownReplyId == null) {
      String after = require(goodAfterReplyId, "a good rating after it");
      int partition = joinPartitions.of(after);
      int n = 0;
      String candidate;
      do {
        candidate = "no-such-reply-" + poisonCase.name() + "-" + n++;
      } while (joinPartitions.of(candidate) != partition);
      unknownReplyId = candidate;
    }
    return unknownReplyId;
  }

  @Override
  public byte[] avro(CustomerMessage message) {
    return encoders.customerMessage(message);
  }

  @Override
  public byte[] avro(Feedback feedback) {
    return encoders.feedback(feedback);
  }

  @Override
  public byte[] avroWithOwnSchema(GenericRecord record) {
    return encoders.ownSchema(topic + "-poison-" + poisonCase.name(), record);
  }

  /** The real reply this case rated, if it asked for one. */
  String ratedReplyIdOrNull() {
    return rated == null ? null : rated.getReplyId();
  }

  /** The unknown replyId this case used, if it asked for one. */
  String unknownReplyIdOrNull() {
    return unknownReplyId;
  }

  private AgentReply ratedReply() {
    if (rated == null) {
      rated = replies.get();
    }
    return rated;
  }

  private <T> T require(T value, String what) {
    if (value == null) {
      throw new IllegalStateException("case " + poisonCase.name() + " on " + poisonCase.target()
          + " asked for " + what + ", which that topic's cases do not have");
    }
    return value;
  }
}
