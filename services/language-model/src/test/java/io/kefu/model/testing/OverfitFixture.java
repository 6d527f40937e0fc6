package io.kefu.model.testing;

import ai.djl.Device;
import io.kefu.model.LanguageModel;
import io.kefu.model.gpt.GptConfig;
import io.kefu.model.tokenizer.BpeTokenizer;
import io.kefu.model.tokenizer.BpeTrainer;
import io.kefu.model.tokenizer.ChatTurn;
import io.kefu.model.train.ModelTrainer;
import io.kefu.model.train.ReplyExample;
import io.kefu.model.train.TrainingOptions;
import java.util.ArrayList;
import java.util.List;

/** A tiny model trained until it has memorised a handful of replies. */
public final class OverfitFixture {

    /** The memorised conversations: different prompt lengths, English and Chinese. */
    public static final List<ReplyExample> EXAMPLES = List.of(
            ReplyExample.positive(List.of(), "where is order 42?", "Order 42 ships today."),
            ReplyExample.positive(List.of(), "refund please", "Refund started."),
            ReplyExample.positive(List.of(ChatTurn.customer("hi"), ChatTurn.agent("Hello!")),
                    "my parcel is late", "Sorry, I will check the parcel."),
            ReplyExample.positive(List.of(), "我要退货", "好的，已为您办理退货。"),
            ReplyExample.positive(List.of(), "change my address to 5 Oak Road", "Address changed to 5 Oak Road."));

    private OverfitFixture() {}

    /** Holds the one trained model shared by the tests of a JVM; tests must not change it. */
    private static final class Shared {
        static final LanguageModel MODEL = train();
    }

    /**
     * Returns the shared trained model, training it on first use; never close it.
     *
     * @return the model
     */
    public static LanguageModel shared() {
        return Shared.MODEL;
    }

    /**
     * Trains a fresh tiny model on {@link #EXAMPLES}.
     *
     * @return the trained model (caller closes)
     */
    public static LanguageModel train() {
        List<String> texts = new ArrayList<>();
        for (ReplyExample example : EXAMPLES) {
            texts.add(example.message());
            texts.add(example.reply());
        }
        BpeTokenizer tokenizer = new BpeTrainer(40, 2).train(texts);
        GptConfig config = new GptConfig(tokenizer.vocabSize(), 64, 2, 2, 32, 0f);
        LanguageModel model = LanguageModel.initialize("tiny", "v1", config, tokenizer, Device.cpu(), 11);
        TrainingOptions options = TrainingOptions.defaults(150).withBatchSize(5).withLearningRate(1e-2f, 1e-3f);
        new ModelTrainer(options, null).train(model, EXAMPLES, List.of());
        return model;
    }
}
