package io.kefu.reply.confidence;

import io.kefu.corpus.Conversation;
import io.kefu.corpus.HumanRequestDetector;
import io.kefu.corpus.ReplyJudge;
import io.kefu.corpus.Turn;
import io.kefu.corpus.SeedCorpus;
import io.kefu.corpus.Split;
import io.kefu.reply.confidence.ThresholdCalibrator.Calibration;
import io.kefu.reply.confidence.ThresholdCalibrator.Judged;
import io.kefu.reply.generate.GeneratedReply;
import io.kefu.reply.generate.ReplyGenerator;
import io.kefu.reply.memory.RecentTurn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Calibrates {@code reply.handoff.confidence} for a model on the seed corpus's held-out split, whose phrasings and
 * slot values never occur in training.
 *
 * <p>For each held-out conversation (except those asking for a person, which the service hands off without asking
 * the model) the model's reply is generated as the service would generate it, its confidence computed with
 * {@link ConfidenceMapping#of}, and the reply judged acceptable when {@link ReplyJudge} finds that it addresses the
 * conversation's intent and ends properly. {@link ThresholdCalibrator} then picks the lowest threshold at which the
 * replies the model would send are acceptable at the target rate.
 */
public final class HeldOutCalibration {
  /** Replies generated at once; the engine batches them and its wait queue stays well below its bound. */
  private static final int IN_FLIGHT = 256;

  private final ReplyGenerator generator;
  private final Duration timeout;
  private final SeedCorpus corpus = SeedCorpus.withDefaults();
  private final ReplyJudge judge = new ReplyJudge();

  /** A calibration generating with {@code generator}, allowing {@code timeout} for each group of replies. */
  public HeldOutCalibration(ReplyGenerator generator, Duration timeout) {
    this.generator = generator;
    this.timeout = timeout;
  }

  /** Judges the model's replies to {@code count} held-out conversations generated from {@code seed}. */
  public List<Judged> judge(int count, long seed) {
    List<Conversation> conversations = corpus.generate(Split.HELD_OUT, count, seed).stream()
        .filter(c -> !HumanRequestDetector.asksForHuman(c.customerMessage()))
        .toList();
    List<Judged> judged = new ArrayList<>(conversations.size());
    for (int from = 0; from < conversations.size(); from += IN_FLIGHT) {
      List<Conversation> group = conversations.subList(from, Math.min(conversations.size(), from + IN_FLIGHT));
      List<CompletableFuture<GeneratedReply>> replies = group.stream()
          .map(c -> generator.generate(context(c), c.customerMessage()))
          .toList();
      for (int i = 0; i < group.size(); i++) {
        GeneratedReply reply = await(replies.get(i));
        boolean accepted = reply.complete() && judge.addresses(group.get(i).intent(), reply.text())
            && judge.endsProperly(reply.text());
        judged.add(new Judged(ConfidenceMapping.of(reply), accepted));
      }
    }
    return judged;
  }

  /** The threshold for {@code targetPrecision} on {@code count} held-out conversations from {@code seed}. */
  public Calibration calibrate(int count, long seed, double targetPrecision) {
    return new ThresholdCalibrator(targetPrecision).calibrate(judge(count, seed));
  }

  private static List<RecentTurn> context(Conversation conversation) {
    return conversation.context().stream()
        .map(t -> t.role() == Turn.Role.AGENT ? RecentTurn.agent(t.text()) : RecentTurn.customer(t.text()))
        .toList();
  }

  private GeneratedReply await(CompletableFuture<GeneratedReply> reply) {
    try {
      return reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("generation failed during calibration: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("a held-out reply was not generated within " + timeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during calibration", e);
    }
  }
}
