package io.kefu.model.bench;

import io.kefu.corpus.Conversation;
import io.kefu.corpus.Intent;
import io.kefu.corpus.ReplyJudge;
import io.kefu.corpus.SeedCorpus;
import io.kefu.corpus.Split;
import io.kefu.model.train.SeedExamples;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The seed corpus's held-out conversations and its {@link ReplyJudge}, for the {@link Evaluator}. */
public final class SeedJudge implements ReplyCheck {

    private final ReplyJudge judge = new ReplyJudge();

    /**
     * Generates held-out evaluation cases.
     *
     * @param count how many (balanced over intents and languages)
     * @param seed corpus seed
     * @return the cases
     */
    public static List<EvalCase> heldOutCases(int count, long seed) {
        return cases(Split.HELD_OUT, count, seed);
    }

    /**
     * Generates evaluation cases from a split.
     *
     * @param split which part of the corpus
     * @param count how many
     * @param seed corpus seed
     * @return the cases
     */
    public static List<EvalCase> cases(Split split, int count, long seed) {
        List<EvalCase> cases = new ArrayList<>(count);
        for (Conversation conversation : SeedCorpus.withDefaults().generate(split, count, seed)) {
            cases.add(new EvalCase(conversation.intent().name(), conversation.lang().name(),
                    SeedExamples.context(conversation.context()), conversation.customerMessage()));
        }
        return cases;
    }

    @Override
    public boolean addresses(String intent, String reply) {
        return judge.addresses(Intent.valueOf(intent), reply);
    }

    @Override
    public boolean endsProperly(String reply) {
        return judge.endsProperly(reply);
    }

    @Override
    public Optional<String> judgedIntent(String reply) {
        return judge.classify(reply).map(Intent::name);
    }
}
