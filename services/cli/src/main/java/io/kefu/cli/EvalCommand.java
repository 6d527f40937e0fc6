package io.kefu.cli;

import io.kefu.model.bench.EvalReport;
import io.kefu.model.bench.Evaluator;
import io.kefu.model.train.BaseTrainingOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Judges a stored model's replies on the held-out split: intent addressed and proper endings, per language. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    header = "Evaluate a model's replies on the held-out split (table; --json FILE).",
    description = {"Generate greedy replies to held-out conversations (slot values and phrasings never seen in",
        "training) and judge them with the seed corpus's ReplyJudge: share addressing the customer's intent, share",
        "ending properly, share stopping at end-of-reply, mean token log-probability; per language and overall."})
public final class EvalCommand implements Callable<Integer> {

  @Mixin ConnectionOptions connection;
  @Mixin ModelOptions model;

  @Option(names = "--model-version", description = "Model version to evaluate (default ${DEFAULT-VALUE}).",
      defaultValue = BaseTrainingOptions.VERSION)
  String version;

  @Option(names = "--conversations", defaultValue = "440", description = "Held-out conversations (default ${DEFAULT-VALUE}).")
  int conversations;

  @Option(names = "--seed", defaultValue = "7", description = "Corpus seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON.")
  Path json;

  @Override
  public Integer call() throws Exception {
    EvalReport report = Evaluator.evaluateStored(model.store(connection.load()), version, conversations, seed,
        model.device());
    Evaluator.printTable(report, System.out);
    if (json != null) {
      Files.writeString(json, Evaluator.toJson(report), StandardCharsets.UTF_8);
    }
    return 0;
  }
}
