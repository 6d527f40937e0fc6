package io.kefu.model.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.model.LanguageModel;
import io.kefu.model.testing.OverfitFixture;
import io.kefu.model.tokenizer.ChatTurn;
import io.kefu.model.train.ReplyExample;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class LaneTest {

    private final LanguageModel model = OverfitFixture.shared();

    @Test
    void shouldGiveEachSequenceItsOneAtATimeTokensWhenPromptsOfVeryDifferentLengthsJoinTogether() {
        // Given short and long prompts, so the join splits into several prefill passes
        List<GenerationRequest> requests = new ArrayList<>();
        for (ReplyExample example : OverfitFixture.EXAMPLES) {
            requests.add(GenerationRequest.greedy(example.context(), example.message(), 30));
        }
        requests.add(GenerationRequest.greedy(List.of(
                ChatTurn.customer("hello there, I have a question about my order and the refund for it"),
                ChatTurn.agent("Of course, what is the order number and what went wrong with it?")),
                "it is order 7, the parcel arrived broken and I want my money back", 30));
        requests.add(GenerationRequest.greedy(List.of(), "hi", 30));
        Generator generator = new Generator(model);
        try (Lane lane = new Lane(model, requests.size(), model.config().contextLength())) {
            List<SequenceState> states = new ArrayList<>();
            List<CompletableFuture<GenerationResult>> futures = new ArrayList<>();
            int[] lengths = new int[requests.size()];
            for (int i = 0; i < requests.size(); i++) {
                int[] prompt = SequenceState.encodePrompt(model, requests.get(i), lane.maxLength());
                states.add(new SequenceState(requests.get(i), prompt, lane.maxLength(), System.nanoTime()));
                futures.add(new CompletableFuture<>());
                lengths[i] = prompt.length;
            }
            int planned = PrefillGroups.plan(lengths, PrefillGroups.PASS_COST_TOKENS).count();
            // When they all join in one step, then step until every sequence has left
            int passes = lane.join(states, futures);
            while (lane.activeCount() > 0) {
                lane.step();
            }
            // Then the join ran the planned passes, more than one,
            assertThat(passes).isEqualTo(planned).isGreaterThan(1);
            // and every sequence got exactly the tokens it gets alone
            for (int i = 0; i < requests.size(); i++) {
                assertThat(futures.get(i).join().tokens()).as("request %d", i)
                        .containsExactly(generator.generate(requests.get(i)).tokens());
            }
        }
    }
}
