package io.kefu.finetune;

import io.kefu.contract.TrainingExample;
import io.kefu.model.LanguageModel;
import io.kefu.model.bench.EvalCase;
import io.kefu.model.bench.EvalReport;
import io.kefu.model.bench.Evaluator;
import io.kefu.model.train.ModelTrainer;
import io.kefu.model.train.ReplyExample;
import java.util.List;

/** Measures a model on the fixed held-out set: held-out loss, the reply-quality check and the preference score. */
public final class ModelEvaluator {
  private final List<ReplyExample> heldOutExamples;
  private final List<EvalCase> heldOutCases;
  private final List<EvalCase> validationCases;
  private final BaseCorpus corpus;

  /**
   * An evaluator whose gate set is the first {@code cases} held-out conversations of {@code corpus} (a fixed set) and
   * whose early-stop validation set is the next {@code validationCases} (as many as the corpus holds).
   */
  public ModelEvaluator(BaseCorpus corpus, int cases, int validationCases) {
    if (cases < 1 || validationCases < 0) {
      throw new IllegalArgumentException("evaluation needs at least 1 held-out case and >= 0 validation cases, was "
          + cases + " and " + validationCases);
    }
    this.corpus = corpus;
    List<ReplyExample> examples = corpus.heldOutExamples();
    List<EvalCase> all = corpus.heldOutCases();
    int gate = Math.min(cases, all.size());
    this.heldOutExamples = List.copyOf(examples.subList(0, Math.min(cases, examples.size())));
    this.heldOutCases = List.copyOf(all.subList(0, gate));
    this.validationCases = List.copyOf(all.subList(gate, Math.min(all.size(), gate + validationCases)));
  }

  /** The percentage of greedy replies to the validation conversations that address the intent (NaN: none). */
  public double validationIntent(LanguageModel model) {
    if (validationCases.isEmpty()) {
      return Double.NaN;
    }
    return Evaluator.evaluate(model, validationCases, corpus.replyCheck()).overall().addressedPercent();
  }

  /** The figures that depend only on the model and the base corpus (cacheable per version). */
  public Evaluation evaluateBase(LanguageModel model) {
    float loss = ModelTrainer.evaluationLoss(model, heldOutExamples);
    EvalReport report = Evaluator.evaluate(model, heldOutCases, corpus.replyCheck());
    return new Evaluation(loss, report.overall().addressedPercent(), report.overall().endsProperlyPercent(),
        PreferenceScore.none(), Double.NaN);
  }

  /**
   * {@code base} completed with the figures of this run's held-out feedback: the preference score and the loss on the
   * replies customers liked (4-5 stars) or operators wrote.
   */
  public Evaluation withPreference(Evaluation base, LanguageModel model, List<TrainingExample> heldOutFeedback) {
    List<ReplyExample> liked = heldOutFeedback.stream()
        .filter(e -> e.getWeight() > 0 && (e.getRating() == null || e.getRating() >= 4))
        .map(e -> TrainingSetBuilder.toReplyExample(e, 1f))
        .toList();
    double likedLoss = liked.isEmpty() ? Double.NaN : ModelTrainer.evaluationLoss(model, liked);
    return new Evaluation(base.heldOutLoss(), base.intentAddressedPercent(), base.endsProperlyPercent(),
        PreferenceScore.of(model, heldOutFeedback), likedLoss);
  }
}
