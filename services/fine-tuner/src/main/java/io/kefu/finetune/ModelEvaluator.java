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
  private final BaseCorpus corpus;

  /** An evaluator on the first {@code cases} held-out conversations of {@code corpus} (a fixed set). */
  public ModelEvaluator(BaseCorpus corpus, int cases) {
    if (cases < 1) {
      throw new IllegalArgumentException("evaluation needs at least 1 held-out case, was " + cases);
    }
    this.corpus = corpus;
    List<ReplyExample> examples = corpus.heldOutExamples();
    List<EvalCase> all = corpus.heldOutCases();
    this.heldOutExamples = List.copyOf(examples.subList(0, Math.min(cases, examples.size())));
    this.heldOutCases = List.copyOf(all.subList(0, Math.min(cases, all.size())));
  }

  /** The figures that depend only on the model and the base corpus (cacheable per version). */
  public Evaluation evaluateBase(LanguageModel model) {
    float loss = ModelTrainer.evaluationLoss(model, heldOutExamples);
    EvalReport report = Evaluator.evaluate(model, heldOutCases, corpus.replyCheck());
    return new Evaluation(loss, report.overall().addressedPercent(), report.overall().endsProperlyPercent(),
        new PreferenceScore(Double.NaN, 0, false));
  }

  /** {@code base} completed with the preference score on this run's held-out feedback. */
  public Evaluation withPreference(Evaluation base, LanguageModel model, List<TrainingExample> heldOutFeedback) {
    return new Evaluation(base.heldOutLoss(), base.intentAddressedPercent(), base.endsProperlyPercent(),
        PreferenceScore.of(model, heldOutFeedback));
  }
}
