package io.kefu.poison.verify;

import io.kefu.contract.AgentReply;
import io.kefu.contract.TrainingExample;
import io.kefu.poison.cases.Expected;
import io.kefu.poison.cases.Outcome;
import io.kefu.poison.cases.Target;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Judges one case against the committed outputs: the poison's own outcome, its dead letter, and its neighbours. */
public final class CaseJudge {
  /** The {@code kefu.dlq.service} a dead letter of each target must carry. */
  private final String replyService;
  private final String feedbackService;

  public CaseJudge(String replyService, String feedbackService) {
    this.replyService = replyService;
    this.feedbackService = feedbackService;
  }

  /** The row of {@code run}. */
  public CaseResult judge(CaseRun run, CommittedOutputs outputs) {
    Expected expected = run.poisonCase().expected();
    String actual = actual(run, outputs);
    List<String> problems = new ArrayList<>();
    if (!matches(expected, actual)) {
      problems.add("expected " + expected.label() + ", was " + actual);
    }
    for (DeadLetterView letter : outputs.deadLettersOf(run.poison())) {
      checkDeadLetter(run, letter, problems);
    }
    checkGood("good input before", run.before(), outputs, problems);
    checkGood("good input after", run.after(), outputs, problems);
    return new CaseResult(run.poisonCase().name(), run.poisonCase().target().logicalName(), run.poisonCase().input(),
        expected.label(), actual, problems);
  }

  /** What the outputs show for the poison record, parts joined with {@code +}; NOTHING when there are none. */
  static String actual(CaseRun run, CommittedOutputs outputs) {
    List<String> parts = new ArrayList<>();
    outputs.deadLettersOf(run.poison()).forEach(d -> parts.add("DLQ " + d.reason()));
    Outcome expected = run.poisonCase().expected().outcome();
    if (run.poisonCase().target() == Target.CUSTOMER_MESSAGES && run.messageId() != null) {
      List<AgentReply> replies = outputs.repliesTo(run.messageId());
      if (expected == Outcome.SKIPPED_DUPLICATE && replies.size() == 1) {
        parts.add("SKIPPED_DUPLICATE");
      } else {
        List<String> reasons = outputs.handoffReasons(run.messageId());
        for (int i = 0; i < replies.size(); i++) {
          parts.add(replies.get(i).getHandedOff()
              ? "HANDOFF " + (i < reasons.size() ? reasons.get(i) : "WITHOUT_REQUEST") : "REPLY");
        }
      }
    } else if (run.poisonCase().target() == Target.FEEDBACK && run.replyId() != null) {
      List<TrainingExample> examples = outputs.examplesOf(run.replyId());
      if (expected == Outcome.IGNORED_DUPLICATE && examples.size() == 1) {
        parts.add("IGNORED_DUPLICATE");
      } else {
        for (TrainingExample e : examples) {
          parts.add(e.getRating() != null && e.getRating() == run.stars() ? "EXAMPLE" : "EXAMPLE rating=" + e.getRating());
        }
      }
    }
    return parts.isEmpty() ? "NOTHING" : String.join(" + ", parts);
  }

  static boolean matches(Expected expected, String actual) {
    return switch (expected.outcome()) {
      case ANSWERED -> actual.equals("REPLY") || (actual.startsWith("HANDOFF ") && !actual.contains(" + "));
      case HANDOFF, DLQ -> actual.equals(expected.label());
      case SKIPPED_DUPLICATE, IGNORED_DUPLICATE -> actual.equals(expected.outcome().name());
      case TRAINING_EXAMPLE -> actual.equals("EXAMPLE");
    };
  }

  private void checkDeadLetter(CaseRun run, DeadLetterView letter, List<String> problems) {
    String service = run.poisonCase().target() == Target.CUSTOMER_MESSAGES ? replyService : feedbackService;
    if (!service.equals(letter.service())) {
      problems.add("dead letter names service " + letter.service() + ", expected " + service);
    }
    if (!letter.dlqTopic().equals(run.poison().topic() + ".dlq")) {
      problems.add("dead letter is on " + letter.dlqTopic() + ", expected " + run.poison().topic() + ".dlq");
    }
    if (!Arrays.equals(letter.key(), run.poison().key()) || !Arrays.equals(letter.value(), run.poison().value())) {
      problems.add("dead letter does not keep the original key and value bytes");
    }
    if (letter.detail() == null || letter.detail().isBlank()) {
      problems.add("dead letter has no detail");
    }
  }

  private static void checkGood(String which, GoodInput good, CommittedOutputs outputs, List<String> problems) {
    List<DeadLetterView> letters = outputs.deadLettersOf(good.sent());
    if (!letters.isEmpty()) {
      problems.add(which + " (" + good.sent().where() + ") was dead-lettered: " + letters.get(0).reason() + " ("
          + letters.get(0).detail() + ")");
    }
    if (good.isMessage()) {
      int replies = outputs.repliesTo(good.messageId()).size();
      if (replies != 1) {
        problems.add(which + " (message " + good.messageId() + ") has " + replies + " replies, expected 1");
      }
    } else {
      List<TrainingExample> examples = outputs.examplesOf(good.replyId());
      if (examples.size() != 1 || examples.get(0).getRating() == null || examples.get(0).getRating() != good.stars()) {
        problems.add(which + " (rating of " + good.replyId() + ") has examples with ratings "
            + examples.stream().map(TrainingExample::getRating).toList() + ", expected [" + good.stars() + "]");
      }
    }
  }
}
