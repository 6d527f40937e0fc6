package io.kefu.feedback;

import static io.kefu.feedback.TestRecords.humanReply;
import static io.kefu.feedback.TestRecords.modelReply;
import static io.kefu.feedback.TestRecords.rating;
import static io.kefu.feedback.TestRecords.reply;
import static io.kefu.feedback.TestRecords.systemReply;
import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.contract.AgentReply;
import io.kefu.contract.AuthorKind;
import io.kefu.contract.ExampleSource;
import io.kefu.contract.Locale;
import io.kefu.contract.Role;
import io.kefu.contract.TrainingExample;
import io.kefu.contract.Turn;
import io.kefu.feedback.aggregate.VersionKeys;
import io.kefu.kafka.dlq.DeadLetter;
import io.kefu.kafka.dlq.DlqHeaders;
import io.kefu.redaction.PiiDetector;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The join, the dead letters and the training examples of the feedback topology, on a TopologyTestDriver. */
class FeedbackTopologyTest {
  private static final Instant T0 = Instant.parse("2030-03-01T10:00:00Z");
  private static final Duration GRACE = Duration.ofDays(7);

  @TempDir
  Path stateDir;

  private FeedbackDriver driver;

  @BeforeEach
  void startDriver() {
    driver = new FeedbackDriver(stateDir);
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  @Test
  void shouldTurnARatingOfAKnownReplyIntoATrainingExample() {
    // Given a model reply
    driver.reply(modelReply("r-1", "v1", 120, T0), T0);
    // When the customer rates it
    driver.rate(rating("r-1", 5, "Quick and clear.", T0.plusSeconds(30)), T0.plusSeconds(30));
    // Then one example, keyed by replyId, says what was asked, what was answered, and how it was rated
    List<TestRecord<String, TrainingExample>> examples = driver.examples();
    assertThat(examples).hasSize(1);
    assertThat(examples.get(0).key()).isEqualTo("r-1");
    assertThat(examples.get(0).timestamp()).isEqualTo(T0.plusSeconds(30).toEpochMilli());
    TrainingExample example = examples.get(0).value();
    assertThat(example.getExampleId()).isEqualTo("r-1");
    assertThat(example.getReplyId()).isEqualTo("r-1");
    assertThat(example.getConversationId()).isEqualTo("conv-r-1");
    assertThat(example.getContext()).containsExactly(
        new Turn(Role.CUSTOMER, "Hello, I have a question about order A-1001."),
        new Turn(Role.AGENT, "Of course, what would you like to know?"));
    assertThat(example.getCustomerMessage()).isEqualTo("When will it arrive?");
    assertThat(example.getReply()).isEqualTo("It ships tomorrow and arrives within 3 days.");
    assertThat(example.getRating()).isEqualTo(5);
    assertThat(example.getComment()).isEqualTo("Quick and clear.");
    assertThat(example.getWeight()).isEqualTo(1.0);
    assertThat(example.getSource()).isEqualTo(ExampleSource.RATED_MODEL_REPLY);
    assertThat(example.getModelVersion()).isEqualTo("v1");
    assertThat(example.getLocale()).isEqualTo(Locale.EN);
    assertThat(example.getRedactions()).isZero();
    assertThat(example.getCreatedAt()).isEqualTo(T0.plusSeconds(30));
    assertThat(driver.deadLetters()).isEmpty();
  }

  @Test
  void shouldHoldARatingThatArrivesBeforeItsReplyAndJoinWhenTheReplyArrives() {
    // Given a rating whose reply is not visible yet
    driver.rate(rating("r-1", 4, null, T0), T0);
    assertThat(driver.examples()).isEmpty();
    // When the reply arrives
    driver.reply(modelReply("r-1", "v1", 120, T0.minusSeconds(5)), T0.plusSeconds(2));
    // Then the held rating becomes the example
    List<TestRecord<String, TrainingExample>> examples = driver.examples();
    assertThat(examples).hasSize(1);
    assertThat(examples.get(0).key()).isEqualTo("r-1");
    assertThat(examples.get(0).value().getRating()).isEqualTo(4);
    assertThat(examples.get(0).value().getWeight()).isEqualTo(0.6);
    assertThat(driver.deadLetters()).isEmpty();
  }

  @Test
  void shouldJoinARatingThatComesLateButWithinTheGrace() {
    // Given a reply
    driver.reply(modelReply("r-1", "v1", 120, T0), T0);
    // When the rating comes one minute before the grace ends
    Instant late = T0.plus(GRACE).minusSeconds(60);
    driver.rate(rating("r-1", 2, null, late), late);
    // Then it still joins
    List<TestRecord<String, TrainingExample>> examples = driver.examples();
    assertThat(examples).hasSize(1);
    assertThat(examples.get(0).value().getRating()).isEqualTo(2);
    assertThat(examples.get(0).value().getWeight()).isEqualTo(-0.5);
    assertThat(driver.deadLetters()).isEmpty();
  }

  @Test
  void shouldDeadLetterARatingThatComesMoreThanTheGraceAfterItsReply() {
    // Given a reply
    driver.reply(modelReply("r-1", "v1", 120, T0), T0);
    // When the rating comes one second after the grace ended
    Instant tooLate = T0.plus(GRACE).plusSeconds(1);
    byte[] value = driver.rate(rating("r-1", 5, null, tooLate), tooLate);
    // Then no example, and the rating is in feedback.dlq, unchanged, with why and where from
    assertThat(driver.examples()).isEmpty();
    List<TestRecord<byte[], byte[]>> letters = driver.deadLetters();
    assertThat(letters).hasSize(1);
    TestRecord<byte[], byte[]> letter = letters.get(0);
    assertThat(letter.value()).isEqualTo(value);
    assertThat(new String(letter.key(), StandardCharsets.UTF_8)).isEqualTo("r-1");
    assertThat(DeadLetter.header(letter.headers(), DlqHeaders.REASON)).isEqualTo("RATING_TOO_LATE");
    assertThat(DeadLetter.header(letter.headers(), DlqHeaders.DETAIL))
        .isEqualTo("rating of reply r-1 came PT168H1S after the reply; the grace is PT168H");
    assertThat(DeadLetter.header(letter.headers(), DlqHeaders.SOURCE_TOPIC)).isEqualTo("feedback");
    assertThat(DeadLetter.header(letter.headers(), DlqHeaders.SOURCE_PARTITION)).isEqualTo("0");
    assertThat(DeadLetter.header(letter.headers(), DlqHeaders.SOURCE_OFFSET)).isEqualTo("0");
    assertThat(DeadLetter.header(letter.headers(), DlqHeaders.SERVICE)).isEqualTo("feedback-stream");
    assertThat(DeadLetter.header(letter.headers(), DlqHeaders.TIMESTAMP))
        .isEqualTo(Long.toString(FeedbackDriver.WALL_CLOCK.toEpochMilli()));
  }

  @Test
  void shouldDeadLetterARatingOfAReplyForgottenAfterTheGraceAtOnceAndIgnoreTheReplyIfItComesAgain() {
    // Given a reply, and stream time moved a day past its grace by other traffic
    driver.reply(modelReply("r-1", "v1", 120, T0), T0);
    driver.reply(modelReply("r-2", "v1", 120, T0.plus(GRACE).plus(Duration.ofDays(1))),
        T0.plus(GRACE).plus(Duration.ofDays(1)));
    // When r-1 is rated two days after its grace
    Instant late = T0.plus(GRACE).plus(Duration.ofDays(2));
    driver.rate(rating("r-1", 5, null, late), late);
    // Then the rating is dead-lettered at once as too late, not held
    assertThat(driver.deadLetters()).extracting(r -> DeadLetter.header(r.headers(), DlqHeaders.REASON))
        .containsExactly("RATING_TOO_LATE");
    // And when r-1 is delivered again while its marker is kept, it is not counted again
    driver.reply(modelReply("r-1", "v1", 120, T0), T0.plus(GRACE).plus(Duration.ofDays(3)));
    assertThat(driver.total("v1").replies()).isEqualTo(2);
    assertThat(driver.examples()).isEmpty();
  }

  @Test
  void shouldDeadLetterARatingWhoseReplyNeverArrivesOnceTheGraceHasPassed() {
    // Given a rating for a reply nobody has seen
    byte[] value = driver.rate(rating("r-ghost", 5, "great", T0), T0);
    // When stream time passes almost the whole grace, nothing happens yet
    driver.rate(rating("r-other", 3, null, T0.plus(GRACE).minusSeconds(60)), T0.plus(GRACE).minusSeconds(60));
    assertThat(driver.deadLetters()).isEmpty();
    // When stream time passes the grace (plus one expiry interval)
    driver.rate(rating("r-other-2", 3, null, T0.plus(GRACE).plusSeconds(61)), T0.plus(GRACE).plusSeconds(61));
    // Then the held rating goes to the DLQ as UNKNOWN_REPLY with its original bytes
    List<TestRecord<byte[], byte[]>> letters = driver.deadLetters();
    assertThat(letters).hasSize(1);
    assertThat(letters.get(0).value()).isEqualTo(value);
    assertThat(DeadLetter.header(letters.get(0).headers(), DlqHeaders.REASON)).isEqualTo("UNKNOWN_REPLY");
    assertThat(DeadLetter.header(letters.get(0).headers(), DlqHeaders.SOURCE_OFFSET)).isEqualTo("0");
    assertThat(driver.examples()).isEmpty();
  }

  @Test
  void shouldDeadLetterARatingWhoseReplyNeverArrivesOnAPartitionThatThenReceivesNothing() {
    // Given a rating for a reply nobody has seen, and no record after it
    byte[] value = driver.rate(rating("r-ghost", 4, null, T0), T0);
    // When the wall clock passes almost the whole grace, nothing happens yet
    driver.advanceWallClock(GRACE.minusMinutes(1));
    assertThat(driver.deadLetters()).isEmpty();
    // When it passes the grace (plus one expiry interval)
    driver.advanceWallClock(Duration.ofMinutes(2));
    // Then the held rating goes to the DLQ as UNKNOWN_REPLY, once
    List<TestRecord<byte[], byte[]>> letters = driver.deadLetters();
    assertThat(letters).hasSize(1);
    assertThat(letters.get(0).value()).isEqualTo(value);
    assertThat(DeadLetter.header(letters.get(0).headers(), DlqHeaders.REASON)).isEqualTo("UNKNOWN_REPLY");
    driver.advanceWallClock(GRACE);
    assertThat(driver.deadLetters()).isEmpty();
  }

  @Test
  void shouldReplaceTheExampleWhenTheCustomerRatesAgainAndIgnoreRedeliveries() {
    // Given a rated reply
    driver.reply(modelReply("r-1", "v1", 120, T0), T0);
    driver.rate(rating("r-1", 2, "slow", T0.plusSeconds(10)), T0.plusSeconds(10));
    // When the customer changes the rating, and the old and new ratings are both delivered again
    driver.rate(rating("r-1", 5, "actually fine", T0.plusSeconds(20)), T0.plusSeconds(20));
    driver.rate(rating("r-1", 5, "actually fine", T0.plusSeconds(20)), T0.plusSeconds(25));
    driver.rate(rating("r-1", 2, "slow", T0.plusSeconds(10)), T0.plusSeconds(26));
    // Then the example was written twice under the same key, the latest rating last; redeliveries wrote nothing
    List<TestRecord<String, TrainingExample>> examples = driver.examples();
    assertThat(examples).extracting(TestRecord::key).containsExactly("r-1", "r-1");
    assertThat(examples).extracting(r -> r.value().getRating()).containsExactly(2, 5);
    TrainingExample latest = examples.get(1).value();
    assertThat(latest.getComment()).isEqualTo("actually fine");
    assertThat(latest.getWeight()).isEqualTo(1.0);
    assertThat(driver.deadLetters()).isEmpty();
    assertThat(driver.counters.count("kefu.feedback.ratings.ignored", "why", "duplicate")).isEqualTo(1.0);
    assertThat(driver.counters.count("kefu.feedback.ratings.ignored", "why", "stale")).isEqualTo(1.0);
  }

  @ParameterizedTest(name = "rating {0}")
  @ValueSource(ints = {0, 6, -1})
  void shouldDeadLetterARatingOutsideOneToFive(int outOfRange) {
    // Given a known reply
    driver.reply(modelReply("r-1", "v1", 120, T0), T0);
    // When it is rated outside 1..5
    byte[] value = driver.rate(rating("r-1", outOfRange, null, T0.plusSeconds(1)), T0.plusSeconds(1));
    // Then the rating is refused
    List<TestRecord<byte[], byte[]>> letters = driver.deadLetters();
    assertThat(letters).hasSize(1);
    assertThat(letters.get(0).value()).isEqualTo(value);
    assertThat(DeadLetter.header(letters.get(0).headers(), DlqHeaders.REASON)).isEqualTo("RATING_OUT_OF_RANGE");
    assertThat(DeadLetter.header(letters.get(0).headers(), DlqHeaders.DETAIL))
        .isEqualTo("rating must be 1..5, was " + outOfRange);
    assertThat(driver.examples()).isEmpty();
  }

  static Stream<Arguments> undecodableRecords() {
    byte[] key = "r-1".getBytes(StandardCharsets.UTF_8);
    byte[] unknownId = ByteBuffer.allocate(9).put((byte) 0).putInt(9999).putInt(42).array();
    return Stream.of(
        Arguments.of("text instead of Avro", key, "{\"rating\": 5}".getBytes(StandardCharsets.UTF_8),
            "WRONG_MAGIC_BYTE"),
        Arguments.of("magic byte 1", key, new byte[] {1, 0, 0, 0, 1, 2, 3}, "WRONG_MAGIC_BYTE"),
        Arguments.of("header cut short", key, new byte[] {0, 0, 0}, "TRUNCATED_PAYLOAD"),
        Arguments.of("unknown schema id", key, unknownId, "UNKNOWN_SCHEMA_ID"),
        Arguments.of("null value", key, null, "NULL_VALUE"),
        Arguments.of("key not UTF-8", new byte[] {(byte) 0xC3, (byte) 0x28}, new byte[] {0, 0, 0, 0, 1},
            "INVALID_KEY"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("undecodableRecords")
  void shouldDeadLetterUndecodableFeedbackAndGoOn(String what, byte[] key, byte[] value, String reason) {
    // Given a known reply
    driver.reply(modelReply("r-1", "v1", 120, T0), T0);
    // When an undecodable record and then a good rating arrive
    driver.rawFeedback(key, value, T0.plusSeconds(1));
    driver.rate(rating("r-1", 5, null, T0.plusSeconds(2)), T0.plusSeconds(2));
    // Then the bad record is in the DLQ with its reason, and the good one still joined
    List<TestRecord<byte[], byte[]>> letters = driver.deadLetters();
    assertThat(letters).hasSize(1);
    assertThat(letters.get(0).key()).isEqualTo(key);
    assertThat(letters.get(0).value()).isEqualTo(value);
    assertThat(DeadLetter.header(letters.get(0).headers(), DlqHeaders.REASON)).isEqualTo(reason);
    assertThat(DeadLetter.header(letters.get(0).headers(), DlqHeaders.SOURCE_TOPIC)).isEqualTo("feedback");
    assertThat(driver.examples()).extracting(r -> r.value().getRating()).containsExactly(5);
  }

  @Test
  void shouldJoinARatingByTheReplyIdItNamesWhateverItsRecordKey() {
    // Given a reply
    driver.reply(modelReply("r-1", "v1", 120, T0), T0);
    // When its rating is keyed by the conversation instead (or by nothing), as a careless producer might
    driver.rawFeedback("conv-r-1".getBytes(StandardCharsets.UTF_8),
        driver.bytes("feedback", rating("r-1", 3, null, T0.plusSeconds(1))), T0.plusSeconds(1));
    driver.rawFeedback(null, driver.bytes("feedback", rating("r-1", 4, null, T0.plusSeconds(2))), T0.plusSeconds(2));
    // Then both still meet the reply, because ratings are re-keyed by replyId before the join
    assertThat(driver.examples()).extracting(r -> r.key() + "=" + r.value().getRating())
        .containsExactly("r-1=3", "r-1=4");
    assertThat(driver.deadLetters()).isEmpty();
  }

  @Test
  void shouldDeadLetterARatingThatNamesNoReply() {
    // When a rating names a blank replyId
    byte[] value = driver.rate(rating(" ", 5, null, T0), T0);
    // Then it cannot be joined and says so
    List<TestRecord<byte[], byte[]>> letters = driver.deadLetters();
    assertThat(letters).hasSize(1);
    assertThat(letters.get(0).value()).isEqualTo(value);
    assertThat(DeadLetter.header(letters.get(0).headers(), DlqHeaders.REASON)).isEqualTo("MISSING_REPLY_ID");
  }

  @Test
  void shouldDeadLetterARatingOfAReplyWithoutACustomerTurn() {
    // Given a reply whose context holds no customer turn
    driver.reply(reply("r-1", AuthorKind.MODEL, "v1", 100, T0, List.of(new Turn(Role.AGENT, "Hi!")), "Hello."), T0);
    // When it is rated
    driver.rate(rating("r-1", 4, null, T0.plusSeconds(1)), T0.plusSeconds(1));
    // Then there is nothing to learn from, and the rating says so in the DLQ
    assertThat(driver.examples()).isEmpty();
    assertThat(driver.deadLetters()).extracting(r -> DeadLetter.header(r.headers(), DlqHeaders.REASON))
        .containsExactly("NO_CUSTOMER_MESSAGE");
  }

  @Test
  void shouldTurnAHumanReplyIntoAnExampleWithoutWaitingForARating() {
    // When an operator answers a handed-off conversation
    driver.reply(humanReply("r-h", T0), T0);
    // Then it is an example at once, with the human weight and no rating
    List<TestRecord<String, TrainingExample>> examples = driver.examples();
    assertThat(examples).hasSize(1);
    TrainingExample example = examples.get(0).value();
    assertThat(example.getExampleId()).isEqualTo("r-h");
    assertThat(example.getRating()).isNull();
    assertThat(example.getWeight()).isEqualTo(1.5);
    assertThat(example.getSource()).isEqualTo(ExampleSource.HUMAN_REPLY);
    assertThat(example.getModelVersion()).isNull();
    assertThat(example.getCustomerMessage()).isEqualTo("I want a refund for the broken lamp.");
    // And when the same reply is delivered again, nothing new is written
    driver.reply(humanReply("r-h", T0), T0.plusSeconds(1));
    assertThat(driver.examples()).isEmpty();
    // And when the customer rates it 4, the example is updated with the rating and human weight x 0.6
    driver.rate(rating("r-h", 4, null, T0.plusSeconds(5)), T0.plusSeconds(5));
    List<TestRecord<String, TrainingExample>> updated = driver.examples();
    assertThat(updated).hasSize(1);
    assertThat(updated.get(0).value().getRating()).isEqualTo(4);
    assertThat(updated.get(0).value().getWeight()).isCloseTo(0.9, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(updated.get(0).value().getSource()).isEqualTo(ExampleSource.HUMAN_REPLY);
  }

  @Test
  void shouldNeverMakeAnExampleOfASystemHoldingReply() {
    // Given the holding reply sent with a handoff
    driver.reply(systemReply("r-s", T0), T0);
    // When the customer rates it
    driver.rate(rating("r-s", 1, null, T0.plusSeconds(5)), T0.plusSeconds(5));
    // Then no example, no dead letter; the rating is counted under "system"
    assertThat(driver.examples()).isEmpty();
    assertThat(driver.deadLetters()).isEmpty();
    assertThat(driver.total(VersionKeys.SYSTEM).ratings()).isEqualTo(1);
  }

  @Test
  void shouldRedactPersonalDataFromEveryTextOfTheExampleAndCountIt() {
    // Given a reply whose context, message and text carry personal data
    List<Turn> context = List.of(
        new Turn(Role.CUSTOMER, "My email is jane.doe@example.com and order A-1001 cost 25.00."),
        new Turn(Role.AGENT, "Thanks, we will call you on +44 20 7946 0958."),
        new Turn(Role.CUSTOMER, "Charge card 4111 1111 1111 1111 again, my IP is 192.168.1.20."));
    AgentReply reply = reply("r-p", AuthorKind.MODEL, "v1", 100, T0, context,
        "Done. We wrote to jane.doe@example.com; call 13812345678 if needed.");
    driver.reply(reply, T0);
    // When it is rated with a comment that carries an IBAN
    driver.rate(rating("r-p", 5, "Refund to DE89 3704 0044 0532 0130 00 please", T0.plusSeconds(1)),
        T0.plusSeconds(1));
    // Then every text has placeholders instead, amounts and order numbers stay, and the count is recorded
    TrainingExample example = driver.examples().get(0).value();
    assertThat(example.getContext()).extracting(Turn::getText).containsExactly(
        "My email is <EMAIL> and order A-1001 cost 25.00.",
        "Thanks, we will call you on <PHONE>.");
    assertThat(example.getCustomerMessage()).isEqualTo("Charge card <CARD> again, my IP is <IP>.");
    assertThat(example.getReply()).isEqualTo("Done. We wrote to <EMAIL>; call <PHONE> if needed.");
    assertThat(example.getComment()).isEqualTo("Refund to <IBAN> please");
    assertThat(example.getRedactions()).isEqualTo(7);
    PiiDetector detector = new PiiDetector();
    Stream.concat(example.getContext().stream().map(Turn::getText),
            Stream.of(example.getCustomerMessage(), example.getReply(), example.getComment()))
        .forEach(text -> assertThat(detector.detect(text)).as(text).isEmpty());
  }

  @Test
  void shouldDeadLetterWithTheSourceOffsetOfEachRefusedRecord() {
    // Given three bad ratings in a row
    driver.rate(rating("r-1", 0, null, T0), T0);
    driver.rawFeedback("r-1".getBytes(StandardCharsets.UTF_8), new byte[] {7}, T0);
    driver.rate(rating("r-1", 9, null, T0), T0);
    // Then each dead letter names its own offset
    assertThat(driver.deadLetters())
        .extracting(r -> Map.entry(DeadLetter.header(r.headers(), DlqHeaders.SOURCE_OFFSET),
            DeadLetter.header(r.headers(), DlqHeaders.REASON)))
        .containsExactly(Map.entry("0", "RATING_OUT_OF_RANGE"), Map.entry("1", "WRONG_MAGIC_BYTE"),
            Map.entry("2", "RATING_OUT_OF_RANGE"));
  }
}
