package io.kefu.model.train;

import io.kefu.corpus.Split;
import io.kefu.model.LanguageModel;
import io.kefu.model.gpt.GptConfig;
import io.kefu.model.store.FileSystemModelStore;
import io.kefu.model.store.ModelArtifact;
import io.kefu.model.tokenizer.BpeTokenizer;
import io.kefu.model.tokenizer.BpeTrainer;
import io.kefu.model.tokenizer.ChatTurn;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the base model from conversations: learns the BPE merges, initializes the default-size
 * GPT, trains it within the time budget, and saves the artifact into the model store.
 */
public final class BaseTrainer {

    /** Copy drills ({@link CopyDrills}) added to the seed corpus's training examples, as a share of their count. */
    public static final double COPY_DRILL_SHARE = 0.3;

    private BaseTrainer() {}

    /**
     * The outcome of base training.
     *
     * @param model the trained model, still open (the caller closes it)
     * @param artifact the saved artifact
     * @param metrics what training measured
     * @param tokenizerSeconds time spent learning merges
     */
    public record Result(LanguageModel model, ModelArtifact artifact, TrainingMetrics metrics,
            double tokenizerSeconds) {}

    /**
     * Trains the base model on the seed corpus and saves it: the entry point of {@code kefu train-base}.
     *
     * @param options sizes, budget and where to save
     * @param progress where the progress bar and phase lines go (usually {@code System.err})
     * @return the trained model (still open) and its artifact
     * @throws IOException if the artifact cannot be saved
     */
    public static Result trainFromSeedCorpus(BaseTrainingOptions options, PrintStream progress) throws IOException {
        List<ReplyExample> train = new ArrayList<>(new MessageNoise(0.5, 0.15).apply(
                SeedExamples.generate(Split.TRAIN, options.trainConversations(), options.seed()), options.seed()));
        train.addAll(CopyDrills.generate((int) Math.round(options.trainConversations() * COPY_DRILL_SHARE),
                options.seed()));
        List<ReplyExample> heldOut = SeedExamples.generate(Split.HELD_OUT, options.heldOutConversations(),
                options.seed());
        return train(options, train, heldOut, progress);
    }

    /**
     * Returns the stored base model, training and saving it first if the store does not hold it
     * (what a service calls on first start); either way the model is the one read from the store.
     *
     * @param options where to look and, if needed, how to train
     * @param progress where progress goes
     * @return the model (the caller closes it)
     * @throws IOException if the store cannot be read or written
     */
    public static LanguageModel ensureBaseModel(BaseTrainingOptions options, PrintStream progress) throws IOException {
        FileSystemModelStore store = new FileSystemModelStore(options.storeDirectory());
        if (store.versions().contains(options.version())) {
            return store.load(options.version(), options.device().resolve());
        }
        // Serve what was saved, read back and verified like any stored version, rather than the training
        // instance with its gradients still attached.
        trainFromSeedCorpus(options, progress).model().close();
        return store.load(options.version(), options.device().resolve());
    }

    /**
     * Trains and saves the base model.
     *
     * @param options sizes, budget and where to save
     * @param train training examples
     * @param heldOut held-out examples for the evaluation loss
     * @param progress where the progress bar and phase lines go (usually {@code System.err})
     * @return the trained model and its artifact
     * @throws IOException if the artifact cannot be saved
     */
    public static Result train(BaseTrainingOptions options, List<ReplyExample> train, List<ReplyExample> heldOut,
            PrintStream progress) throws IOException {
        long start = System.nanoTime();
        progress.printf(Locale.ROOT, "learning up to %d BPE merges from %d conversations%n", options.merges(),
                train.size());
        BpeTokenizer tokenizer = new BpeTrainer(options.merges(), 2).train(texts(train));
        double tokenizerSeconds = (System.nanoTime() - start) / 1e9;
        GptConfig config = new GptConfig(tokenizer.vocabSize(), options.contextLength(), options.layers(),
                options.heads(), options.width(), options.dropout());
        progress.printf(Locale.ROOT, "vocabulary %d tokens (%.1f s); model %d layers, width %d, %d heads, "
                        + "context %d, %.2fM parameters%n", tokenizer.vocabSize(), tokenizerSeconds, config.layers(),
                config.width(), config.heads(), config.contextLength(), config.parameterCount() / 1e6);
        FileSystemModelStore store = new FileSystemModelStore(options.storeDirectory());
        LanguageModel model = LanguageModel.initialize(options.modelName(), options.version(), config, tokenizer,
                options.device().resolve(), options.seed());
        try {
            Duration left = options.timeBudget().minusNanos(System.nanoTime() - start);
            if (left.isNegative() || left.isZero()) {
                left = Duration.ofSeconds(1);
            }
            TrainingOptions training = new TrainingOptions(options.steps(), options.batchSize(),
                    options.peakLearningRate(), options.peakLearningRate() / 10, Math.max(1, options.steps() / 20),
                    options.weightDecay(), 1f, left, 0, options.seed());
            TrainingMetrics metrics = new ModelTrainer(training, progress).train(model, train, heldOut);
            progress.printf(Locale.ROOT, "trained %d steps in %.1f s (%.0f tokens/s), loss %.3f -> %.3f, "
                            + "held-out loss %.3f%n", metrics.steps(), metrics.seconds(), metrics.tokensPerSecond(),
                    metrics.firstLoss(), metrics.finalLoss(), metrics.evalLoss());
            Map<String, Object> recorded = new LinkedHashMap<>();
            recorded.put("kind", "base");
            recorded.put("training", metrics);
            recorded.put("tokenizerSeconds", tokenizerSeconds);
            recorded.put("trainConversations", train.size());
            recorded.put("heldOutConversations", heldOut.size());
            recorded.put("totalSeconds", (System.nanoTime() - start) / 1e9);
            ModelArtifact artifact = store.save(model, null, recorded);
            progress.printf(Locale.ROOT, "saved %s@%s to %s%n", model.name(), model.version(), artifact.directory());
            return new Result(model, artifact, metrics, tokenizerSeconds);
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    private static List<String> texts(List<ReplyExample> examples) {
        List<String> texts = new ArrayList<>(examples.size() * 3);
        for (ReplyExample example : examples) {
            for (ChatTurn turn : example.context()) {
                texts.add(turn.text());
            }
            texts.add(example.message());
            texts.add(example.reply());
        }
        return texts;
    }
}
