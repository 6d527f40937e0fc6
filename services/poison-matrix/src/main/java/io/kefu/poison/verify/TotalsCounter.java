package io.kefu.poison.verify;

import io.kefu.poison.cases.Outcome;
import io.kefu.poison.cases.Target;
import java.util.ArrayList;
import java.util.List;

/** Counts a run's records in and out, and how many inputs were lost or answered more than once. */
public final class TotalsCounter {
  private TotalsCounter() {}

  /** The totals of {@code runs} plus the good messages written before the first case ({@code opening}). */
  public static Totals count(List<CaseRun> runs, List<GoodInput> opening, CommittedOutputs outputs) {
    List<GoodInput> goods = new ArrayList<>(opening);
    runs.forEach(r -> {
      goods.add(r.before());
      goods.add(r.after());
    });
    int lost = 0;
    int duplicated = 0;
    for (GoodInput good : goods) {
      int n = outcomesOf(good, outputs);
      lost += n == 0 ? 1 : 0;
      duplicated += n > 1 ? 1 : 0;
    }
    int expectedReplies = (int) goods.stream().filter(GoodInput::isMessage).count();
    int expectedExamples = goods.size() - expectedReplies;
    int expectedDeadLetters = 0;
    for (CaseRun run : runs) {
      Outcome outcome = run.poisonCase().expected().outcome();
      int n = outcomesOf(run, outputs);
      if (run.poisonCase().expected().writesOutput()) {
        lost += n == 0 ? 1 : 0;
        duplicated += n > 1 ? 1 : 0;
      } else {
        duplicated += n > 0 ? 1 : 0;
      }
      expectedReplies += outcome == Outcome.ANSWERED || outcome == Outcome.HANDOFF ? 1 : 0;
      expectedExamples += outcome == Outcome.TRAINING_EXAMPLE ? 1 : 0;
      expectedDeadLetters += outcome == Outcome.DLQ ? 1 : 0;
    }
    int recordsIn = goods.size() + runs.size();
    int recordsOut = outputs.replyRecords() + outputs.deadLetterRecords() + outputs.exampleRecords();
    int goodRatings = goods.size() - (int) goods.stream().filter(GoodInput::isMessage).count();
    return new Totals(runs.size(), goods.size() - goodRatings, goodRatings, recordsIn, recordsOut, lost, duplicated,
        outputs.replyRecords(), expectedReplies, outputs.deadLetterRecords(), expectedDeadLetters,
        outputs.exampleRecords(), expectedExamples);
  }

  private static int outcomesOf(GoodInput good, CommittedOutputs outputs) {
    int own = good.isMessage() ? outputs.repliesTo(good.messageId()).size() : outputs.examplesOf(good.replyId()).size();
    return own + outputs.deadLettersOf(good.sent()).size();
  }

  /** Outputs of the poison record itself; a resent id's outputs belong to the record it repeats. */
  private static int outcomesOf(CaseRun run, CommittedOutputs outputs) {
    int letters = outputs.deadLettersOf(run.poison()).size();
    Outcome outcome = run.poisonCase().expected().outcome();
    if (outcome == Outcome.SKIPPED_DUPLICATE) {
      return letters + Math.max(0, outputs.repliesTo(run.messageId()).size() - 1);
    }
    if (outcome == Outcome.IGNORED_DUPLICATE) {
      return letters + Math.max(0, outputs.examplesOf(run.replyId()).size() - 1);
    }
    int own = 0;
    if (run.poisonCase().target() == Target.CUSTOMER_MESSAGES && run.messageId() != null) {
      own = outputs.repliesTo(run.messageId()).size();
    } else if (run.poisonCase().target() == Target.FEEDBACK && run.replyId() != null) {
      own = outputs.examplesOf(run.replyId()).size();
    }
    return letters + own;
  }
}
