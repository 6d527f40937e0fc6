package io.kefu.poison.run;

import io.kefu.contract.AgentReply;
import io.kefu.contract.CustomerMessage;
import io.kefu.contract.Feedback;
import io.kefu.feedback.FeedbackTopologySettings;
import io.kefu.kafka.admin.GroupLag;
import io.kefu.kafka.topic.TopicCatalogue;
import io.kefu.kafka.topic.TopicNames;
import io.kefu.poison.cases.Outcome;
import io.kefu.poison.cases.PoisonCase;
import io.kefu.poison.cases.PoisonCatalogue;
import io.kefu.poison.cases.PoisonRecord;
import io.kefu.poison.cases.Target;
import io.kefu.poison.verify.CaseJudge;
import io.kefu.poison.verify.CaseResult;
import io.kefu.poison.verify.CaseRun;
import io.kefu.poison.verify.CommittedOutputs;
import io.kefu.poison.verify.GoodInput;
import io.kefu.poison.verify.SentRecord;
import io.kefu.poison.verify.Totals;
import io.kefu.poison.verify.TotalsCounter;
import io.kefu.reply.ReplyService;
import io.kefu.serde.KefuAvroDeserializer;
import io.kefu.serde.SchemaRegistryClient;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * One pass of the matrix over running services: writes each customer-messages case between two good messages,
 * waits for the answers, writes each feedback case between two good ratings of real model replies, waits until every
 * case has its outcome (or the timeout), and judges.
 */
public final class MatrixRun {
  /** Good messages written before the first case, so that the feedback cases have enough model replies to rate. */
  static final int OPENING_MESSAGES = 12;
  /** Rounds of extra good messages written when too few model replies came back to rate. */
  static final int MAX_TOP_UPS = 3;

  /** What the run needs from its surroundings. */
  public record Wiring(TopicCatalogue topics, InputWriter writer, SchemaRegistryClient registry,
      CommittedOutputs outputs, GroupLag lag, String replyGroup, String feedbackGroup, BooleanSupplier feedbackSettled,
      PrintStream progress) {}

  /** What the run wrote and what came of it. */
  public record Outcomes(List<CaseResult> results, Totals totals) {}

  private final Wiring w;
  private final Duration timeout;
  private final GoodInputs goods = new GoodInputs();
  private final RunEncoders encoders;
  private final JoinPartitions joinPartitions;
  private final String messagesTopic;
  private final String feedbackTopic;
  private final List<GoodInput> opening = new ArrayList<>();
  /** The first good message; feedback cases that send a customer message where a rating belongs send this one. */
  private CustomerMessage firstMessage;
  private final List<CaseRun> runs = new ArrayList<>();

  public MatrixRun(Wiring wiring, Duration timeout) {
    this.w = wiring;
    this.timeout = timeout;
    this.messagesTopic = wiring.topics().name(TopicNames.CUSTOMER_MESSAGES);
    this.feedbackTopic = wiring.topics().name(TopicNames.FEEDBACK);
    this.encoders = new RunEncoders(wiring.registry(), messagesTopic, feedbackTopic);
    this.joinPartitions = new JoinPartitions(wiring.topics().spec(TopicNames.FEEDBACK).partitions());
  }

  /** Runs every case of {@code catalogue}. */
  public Outcomes execute(PoisonCatalogue catalogue) {
    for (int i = 0; i < OPENING_MESSAGES; i++) {
      WrittenMessage written = writeGoodMessage();
      firstMessage = firstMessage == null ? written.message() : firstMessage;
      opening.add(written.good());
    }
    for (PoisonCase c : catalogue.on(Target.CUSTOMER_MESSAGES)) {
      runs.add(writeMessageCase(c));
    }
    w.progress().printf("wrote %d customer-messages cases between good messages; waiting for the answers%n",
        runs.size());
    awaitUntil("the reply service answered every good message", () -> w.lag().of(w.replyGroup(), messagesTopic) == 0
        && allGoodMessagesAnswered());
    List<PoisonCase> feedbackCases = catalogue.on(Target.FEEDBACK);
    ReplyPool pool = new ReplyPool(modelRepliesToGoodMessages());
    // Each feedback case rates up to three replies; the model hands some messages off, so write more until enough.
    for (int round = 0; pool.remaining() < 3 * feedbackCases.size() && round < MAX_TOP_UPS; round++) {
      int more = 2 * (3 * feedbackCases.size() - pool.remaining());
      w.progress().printf("%d model replies to rate, %d needed; writing %d more good messages%n", pool.remaining(),
          3 * feedbackCases.size(), more);
      for (int i = 0; i < more; i++) {
        opening.add(writeGoodMessage().good());
      }
      awaitUntil("the reply service answered every good message", () -> w.lag().of(w.replyGroup(), messagesTopic)
          == 0 && allGoodMessagesAnswered());
      pool = new ReplyPool(modelRepliesToGoodMessages());
    }
    w.progress().printf("%d model replies to rate; writing the feedback cases%n", pool.remaining());
    long feedbackStarted = System.nanoTime();
    for (PoisonCase c : feedbackCases) {
      runs.add(writeFeedbackCase(c, pool));
    }
    CaseJudge judge = new CaseJudge(ReplyService.SERVICE_NAME, FeedbackTopologySettings.SERVICE_NAME);
    awaitUntil("every case has its outcome", () -> w.lag().of(w.replyGroup(), messagesTopic) == 0
        && w.lag().of(w.feedbackGroup(), feedbackTopic) == 0 && w.feedbackSettled().getAsBoolean()
        && runs.stream().allMatch(r -> judge.judge(r, w.outputs()).pass()));
    w.progress().printf("feedback outcomes read in %d ms%n", (System.nanoTime() - feedbackStarted) / 1_000_000);
    List<CaseResult> results = runs.stream().map(r -> judge.judge(r, w.outputs())).toList();
    return new Outcomes(results, TotalsCounter.count(runs, opening, w.outputs()));
  }

  private record WrittenMessage(CustomerMessage message, GoodInput good) {}

  private WrittenMessage writeGoodMessage() {
    CustomerMessage m = goods.nextMessage(w.writer().nextTimestamp());
    SentRecord sent = w.writer().send(messagesTopic, PoisonRecord.of(utf8(m.getConversationId()),
        encoders.customerMessage(m)));
    return new WrittenMessage(m, GoodInput.message(sent, m.getMessageId()));
  }

  private CaseRun writeMessageCase(PoisonCase c) {
    WrittenMessage before = writeGoodMessage();
    RunContext context = new RunContext(c, messagesTopic, encoders, w.writer()::nextTimestamp, before.message(),
        null, null, () -> {
          throw new IllegalStateException("case " + c.name() + " on customer-messages cannot rate a reply");
        }, joinPartitions);
    SentRecord poison = w.writer().send(messagesTopic, c.builder().build(context));
    WrittenMessage after = writeGoodMessage();
    String messageId = c.expected().outcome() == Outcome.SKIPPED_DUPLICATE
        ? before.message().getMessageId() : context.messageId();
    return new CaseRun(c, before.good(), poison, after.good(), messageId, null, 0);
  }

  private record WrittenRating(Feedback rating, GoodInput good) {}

  private WrittenRating writeGoodRating(AgentReply reply) {
    Feedback f = goods.nextRating(reply.getReplyId(), reply.getConversationId(), w.writer().nextTimestamp());
    SentRecord sent = w.writer().send(feedbackTopic, PoisonRecord.of(utf8(f.getReplyId()), encoders.feedback(f)));
    return new WrittenRating(f, GoodInput.rating(sent, f.getReplyId(), f.getRating()));
  }

  private CaseRun writeFeedbackCase(PoisonCase c, ReplyPool pool) {
    WrittenRating before = writeGoodRating(pool.take());
    AgentReply afterReply = pool.take();
    Supplier<AgentReply> reserve = pool::take;
    RunContext context = new RunContext(c, feedbackTopic, encoders, w.writer()::nextTimestamp, firstMessage,
        before.rating(), afterReply.getReplyId(), reserve, joinPartitions);
    SentRecord poison = w.writer().send(feedbackTopic, c.builder().build(context));
    WrittenRating after = writeGoodRating(afterReply);
    String replyId = switch (c.expected().outcome()) {
      case IGNORED_DUPLICATE -> before.rating().getReplyId();
      default -> context.ratedReplyIdOrNull() != null ? context.ratedReplyIdOrNull() : context.unknownReplyIdOrNull();
    };
    int stars = c.expected().outcome() == Outcome.TRAINING_EXAMPLE ? starsOf(poison) : 0;
    return new CaseRun(c, before.good(), poison, after.good(), null, replyId, stars);
  }

  private int starsOf(SentRecord poison) {
    Feedback f = KefuAvroDeserializer.of(Feedback.class, w.registry()).deserialize(poison.topic(), poison.value());
    return f.getRating();
  }

  private boolean allGoodMessagesAnswered() {
    w.outputs().refresh();
    List<GoodInput> all = new ArrayList<>(opening);
    runs.forEach(r -> {
      all.add(r.before());
      all.add(r.after());
    });
    return all.stream().filter(GoodInput::isMessage).allMatch(g -> !w.outputs().repliesTo(g.messageId()).isEmpty());
  }

  private List<AgentReply> modelRepliesToGoodMessages() {
    List<AgentReply> replies = new ArrayList<>();
    List<GoodInput> all = new ArrayList<>(opening);
    runs.forEach(r -> {
      all.add(r.before());
      all.add(r.after());
    });
    for (GoodInput g : all) {
      List<AgentReply> answers = w.outputs().repliesTo(g.messageId());
      if (answers.size() == 1) {
        replies.add(answers.get(0));
      }
    }
    return replies;
  }

  /** Polls {@code condition} (each check reads new outputs for up to 200 ms) until it holds or the timeout passes. */
  private void awaitUntil(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      w.outputs().refresh();
      if (condition.getAsBoolean()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        w.progress().printf("gave up waiting after %s: not yet %s; judging what is there%n", timeout, what);
        return;
      }
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
