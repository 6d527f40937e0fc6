package io.kefu.finetune.bench;

import io.kefu.model.LanguageModel;
import io.kefu.model.generate.EngineOptions;
import io.kefu.model.generate.GenerationEngine;
import io.kefu.model.generate.GenerationRequest;
import io.kefu.model.generate.GenerationResult;
import io.kefu.model.generate.SamplingSettings;
import io.kefu.simulator.HiddenPreference;
import io.kefu.simulator.RatingTally;
import io.kefu.simulator.ReplyAssessment;
import io.kefu.simulator.ReplyAssessor;
import io.kefu.simulator.SimulatedCustomer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rates a model offline on the held-out pool: each pool customer's message is answered with the reply service's
 * decoding settings (pool conversation {@code i} samples with seed {@code i}, the same for every version), and every
 * reply is rated by the hidden preference with noise drawn from one generator of the pool seed, in pool order, so
 * every version meets the same draws. Every reply is rated: none is handed off.
 */
final class HeldOutRater {
  private static final Logger log = LoggerFactory.getLogger(HeldOutRater.class);
  private static final int SAMPLES_LOGGED = 12;
  private final HeldOutPool pool;
  private final SamplingSettings sampling;
  private final ReplyAssessor assessor;
  private final HiddenPreference preference;
  private final long seed;

  HeldOutRater(HeldOutPool pool, SamplingSettings sampling, ReplyAssessor assessor, HiddenPreference preference,
      long seed) {
    this.pool = pool;
    this.sampling = sampling;
    this.assessor = assessor;
    this.preference = preference;
    this.seed = seed;
  }

  private SamplingSettings sampling(int conversation) {
    return sampling.isGreedy() ? sampling : SamplingSettings.sampled(sampling.maxNewTokens(), sampling.temperature(),
        sampling.topK(), sampling.topP(), conversation);
  }

  /** The figures of {@code model} on the pool. */
  HeldOutFigures rate(LanguageModel model) {
    List<SimulatedCustomer> customers = pool.customers();
    List<GenerationResult> replies = new ArrayList<>(customers.size());
    try (GenerationEngine engine = new GenerationEngine(model, new EngineOptions(64, customers.size(), 0, 64))) {
      List<CompletableFuture<GenerationResult>> futures = new ArrayList<>(customers.size());
      for (int i = 0; i < customers.size(); i++) {
        futures.add(engine.submit(new GenerationRequest(List.of(), customers.get(i).text(), sampling(i))));
      }
      for (CompletableFuture<GenerationResult> future : futures) {
        replies.add(future.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while rating " + model.version() + " on the held-out pool", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("generation failed while rating " + model.version() + " on the held-out pool: "
          + e.getCause(), e.getCause());
    }
    SplittableRandom random = new SplittableRandom(seed);
    RatingTally tally = new RatingTally();
    int rightIntent = 0;
    int withOrder = 0;
    int namesOrder = 0;
    int nextStep = 0;
    for (int i = 0; i < customers.size(); i++) {
      SimulatedCustomer customer = customers.get(i);
      ReplyAssessment assessment = assessor.assess(customer, replies.get(i).text());
      tally.add(preference.rate(customer, assessment, random));
      if (i < SAMPLES_LOGGED) {
        log.info("{} on held-out customer {} ({} {}, order {}): '{}' -> '{}' {}", model.version(), i,
            customer.intent(), customer.locale(), customer.orderNumber(), customer.text(), replies.get(i).text(),
            assessment);
      }
      rightIntent += assessment.rightIntent() ? 1 : 0;
      nextStep += assessment.concreteNextStep() ? 1 : 0;
      if (customer.orderNumber() != null) {
        withOrder++;
        namesOrder += assessment.namesOrderNumber() ? 1 : 0;
      }
    }
    RatingTally.Snapshot counts = tally.snapshot();
    double n = customers.size();
    return new HeldOutFigures(model.version(), customers.size(), counts.mean(), counts.csat(),
        Arrays.stream(counts.byStars()).boxed().toList(), 100 * rightIntent / n,
        withOrder == 0 ? 0.0 : 100.0 * namesOrder / withOrder, 100 * nextStep / n);
  }
}
