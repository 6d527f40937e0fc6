package io.kefu.poison.cases;

import static io.kefu.poison.cases.WireBytes.utf8;

import io.kefu.contract.Feedback;
import io.kefu.feedback.route.FeedbackReasons;
import io.kefu.kafka.dlq.RecordDecoder;
import io.kefu.serde.AvroWireFormatException.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The poison cases written to feedback, each ending in a training example or a feedback-stream dead letter. */
final class FeedbackCases {
  /** How far back the rating of an unknown reply is stamped: far beyond the run's join grace, so it expires. */
  static final Duration UNKNOWN_REPLY_AGE = Duration.ofHours(1);

  private FeedbackCases() {}

  static List<PoisonCase> all() {
    List<PoisonCase> cases = new ArrayList<>();
    cases.add(dlq("rating-random-bytes", "128 random bytes (seeded), byte 0 forced to 0x7f",
        Reason.WRONG_MAGIC_BYTE.name(), c -> PoisonRecord.of(utf8(c.messageId()), randomBytes(128))));
    cases.add(dlq("rating-wrong-magic-byte", "a valid rating with byte 0 set to 0x05", Reason.WRONG_MAGIC_BYTE.name(),
        c -> PoisonRecord.of(utf8(c.ratedReplyId()), WireBytes.withMagicByte(c.avro(c.rating(4)), 5))));
    cases.add(dlq("rating-unknown-schema-id", "a valid rating body under schema id 987655",
        Reason.UNKNOWN_SCHEMA_ID.name(),
        c -> PoisonRecord.of(utf8(c.ratedReplyId()), WireBytes.withSchemaId(c.avro(c.rating(4)), 987_655))));
    cases.add(dlq("rating-truncated-avro", "a valid rating cut after 60% of its bytes", Reason.TRUNCATED_PAYLOAD.name(),
        c -> {
          byte[] wire = c.avro(c.rating(4));
          return PoisonRecord.of(utf8(c.ratedReplyId()), WireBytes.truncated(wire, wire.length * 6 / 10));
        }));
    cases.add(dlq("rating-wrong-schema", "a valid CustomerMessage record (its own schema id) on feedback",
        Reason.SCHEMA_NOT_READABLE.name(),
        c -> PoisonRecord.of(utf8(c.messageId()), c.avro(c.goodMessageBefore()))));
    cases.add(dlq("rating-null-value", "a tombstone: key set, value null", RecordDecoder.NULL_VALUE,
        c -> PoisonRecord.of(utf8(c.ratedReplyId()), null)));
    cases.add(dlq("rating-invalid-utf8-key", "a valid rating under the key bytes c3 28", RecordDecoder.INVALID_KEY,
        c -> PoisonRecord.of(new byte[] {(byte) 0xc3, 0x28}, c.avro(c.rating(4)))));
    cases.add(rating("rating-0", 0, Expected.dlq(FeedbackReasons.RATING_OUT_OF_RANGE)));
    cases.add(rating("rating-6", 6, Expected.dlq(FeedbackReasons.RATING_OUT_OF_RANGE)));
    cases.add(rating("rating-minus-1", -1, Expected.dlq(FeedbackReasons.RATING_OUT_OF_RANGE)));
    cases.add(rating("rating-int-max", Integer.MAX_VALUE, Expected.dlq(FeedbackReasons.RATING_OUT_OF_RANGE)));
    cases.add(dlq("rating-blank-reply-id", "a rating whose replyId is empty", FeedbackReasons.MISSING_REPLY_ID, c -> {
      Feedback f = c.rating(4);
      f.setReplyId("");
      return PoisonRecord.of(utf8(c.messageId()), c.avro(f));
    }));
    cases.add(dlq("rating-unknown-reply", "a rating of a replyId no reply has, stamped an hour ago",
        FeedbackReasons.UNKNOWN_REPLY, c -> {
          String unknown = c.unknownReplyIdJoinedWithGoodAfter();
          long ratedAt = c.nowMillis() - UNKNOWN_REPLY_AGE.toMillis();
          return PoisonRecord.of(utf8(unknown), c.avro(feedback(c.messageId(), unknown, c.conversationId(), 4,
              ratedAt))).withTimestamp(ratedAt);
        }));
    cases.add(new PoisonCase("rating-duplicate", Target.FEEDBACK, "the good rating before it, delivered again",
        Expected.ignoredDuplicate(),
        c -> PoisonRecord.of(utf8(c.goodRatingBefore().getReplyId()), c.avro(c.goodRatingBefore()))));
    cases.add(example("rating-hostile-comment", "a 2-star rating whose comment is prompt injection, SQL and HTML",
        c -> {
          Feedback f = c.rating(2);
          f.setComment(CustomerMessageCases.INJECTION + " '); DROP TABLE feedback;-- <script>alert(1)</script>");
          return PoisonRecord.of(utf8(c.ratedReplyId()), c.avro(f));
        }));
    cases.add(example("rating-key-not-reply-id", "a valid rating keyed by its conversationId instead of its replyId",
        c -> PoisonRecord.of(utf8(c.conversationId()), c.avro(c.rating(5)))));
    cases.add(example("rating-conversation-id-10kb", "a valid rating whose conversationId has 10,240 chars", c -> {
      Feedback f = c.rating(3);
      f.setConversationId("c".repeat(10_240));
      return PoisonRecord.of(utf8(c.ratedReplyId()), c.avro(f));
    }));
    cases.add(example("rating-negative-rated-at", "a valid rating whose ratedAt is -1 ms", c -> {
      Feedback f = c.rating(4);
      f.setRatedAt(Instant.ofEpochMilli(-1));
      return PoisonRecord.of(utf8(c.ratedReplyId()), c.avro(f));
    }));
    return cases;
  }

  /** A rating of {@code replyId}. */
  static Feedback feedback(String feedbackId, String replyId, String conversationId, int rating, long ratedAtMillis) {
    return Feedback.newBuilder()
        .setFeedbackId(feedbackId)
        .setReplyId(replyId)
        .setConversationId(conversationId)
        .setRating(rating)
        .setComment(null)
        .setRatedAt(Instant.ofEpochMilli(ratedAtMillis))
        .build();
  }

  private static PoisonCase dlq(String name, String input, String reason, PoisonBuilder builder) {
    return new PoisonCase(name, Target.FEEDBACK, input, Expected.dlq(reason), builder);
  }

  private static PoisonCase example(String name, String input, PoisonBuilder builder) {
    return new PoisonCase(name, Target.FEEDBACK, input, Expected.trainingExample(), builder);
  }

  private static PoisonCase rating(String name, int stars, Expected expected) {
    return new PoisonCase(name, Target.FEEDBACK, "a rating of " + stars + " stars of a real reply", expected,
        c -> PoisonRecord.of(utf8(c.ratedReplyId()), c.avro(c.rating(stars))));
  }

  private static byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    new Random(length).nextBytes(bytes);
    bytes[0] = 0x7f;
    return bytes;
  }
}
