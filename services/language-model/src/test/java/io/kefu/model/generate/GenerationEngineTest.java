package io.kefu.model.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ai.djl.Device;
import io.kefu.model.LanguageModel;
import io.kefu.model.testing.OverfitFixture;
import io.kefu.model.tokenizer.ChatTurn;
import io.kefu.model.train.ReplyExample;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GenerationEngineTest {

    private static LanguageModel model;

    @BeforeAll
    static void trainTinyModel() {
        model = OverfitFixture.train();
    }

    @AfterAll
    static void closeModel() {
        model.close();
    }

    private static List<GenerationRequest> requests() {
        List<GenerationRequest> requests = new ArrayList<>();
        for (ReplyExample example : OverfitFixture.EXAMPLES) {
            requests.add(GenerationRequest.greedy(example.context(), example.message(), 30));
        }
        requests.add(GenerationRequest.greedy(List.of(), "where is order 7 and my refund?", 30));
        requests.add(GenerationRequest.greedy(List.of(ChatTurn.customer("hello there, I have a question")),
                "我的包裹", 12));
        requests.add(new GenerationRequest(List.of(), "refund please", SamplingSettings.sampled(20, 1.5f, 0, 1f, 9)));
        requests.add(new GenerationRequest(List.of(), "where is order 42?",
                SamplingSettings.sampled(20, 0.8f, 5, 0.9f, 3)));
        return requests;
    }

    @Test
    void shouldGiveTheSameTokensWithContinuousBatchingAsOneAtATime() throws Exception {
        // Given sequences of different prompt lengths, one slot fewer than requests per batch and one
        // prefill per step, so sequences join and leave at different steps
        List<GenerationRequest> requests = requests();
        Generator sequential = new Generator(model);
        List<GenerationResult> expected = new ArrayList<>();
        for (GenerationRequest request : requests) {
            expected.add(sequential.generate(request));
        }
        try (GenerationEngine engine = new GenerationEngine(model, new EngineOptions(4, 64, 0, 1))) {
            // When they are all submitted at once
            List<CompletableFuture<GenerationResult>> futures = new ArrayList<>();
            for (GenerationRequest request : requests) {
                futures.add(engine.submit(request));
            }
            // Then every sequence gets exactly the tokens it gets alone
            long tokens = 0;
            for (int i = 0; i < requests.size(); i++) {
                GenerationResult result = futures.get(i).get(60, TimeUnit.SECONDS);
                assertThat(result.tokens()).as("request %d", i).containsExactly(expected.get(i).tokens());
                assertThat(result.stopReason()).isEqualTo(expected.get(i).stopReason());
                assertThat(result.meanLogProb()).isCloseTo(expected.get(i).meanLogProb(),
                        org.assertj.core.api.Assertions.within(1e-3));
                tokens += result.tokens().length;
            }
            // And decode steps were shared: fewer steps than tokens
            assertThat(engine.stats().decodeSteps()).isLessThan(tokens - requests.size());
        }
    }

    @Test
    void shouldGiveTheSameTokensWithTheKvCacheAsWithFullRecomputation() {
        Generator generator = new Generator(model);
        for (GenerationRequest request : requests()) {
            GenerationResult cached = generator.generate(request);
            GenerationResult recomputed = generator.generateWithoutCache(request);
            assertThat(cached.tokens()).containsExactly(recomputed.tokens());
            assertThat(cached.stopReason()).isEqualTo(recomputed.stopReason());
        }
    }

    @Test
    void shouldRejectARequestWhenTheWaitQueueIsFull() {
        try (GenerationEngine engine = new GenerationEngine(model, new EngineOptions(1, 2, 0, 1))) {
            GenerationRequest slow = GenerationRequest.greedy(List.of(), "tell me everything about order 99", 40);
            assertThatThrownBy(() -> {
                for (int i = 0; i < 100; i++) {
                    engine.submit(slow);
                }
            }).isInstanceOf(EngineOverloadedException.class)
                    .hasMessage("generation engine is full: 2 requests already waiting for a slot");
        }
    }

    @Test
    void shouldFinishStartedSequencesOnTheirVersionWhileANewVersionTakesNewOnes() throws Exception {
        // Given a second version with different weights
        try (LanguageModel other = LanguageModel.initialize("tiny", "v2", model.config(), model.tokenizer(),
                Device.cpu(), 99)) {
            GenerationRequest request = GenerationRequest.greedy(List.of(), "my parcel is late", 30);
            GenerationResult aloneOnV1 = new Generator(model).generate(request);
            GenerationResult aloneOnV2 = new Generator(other).generate(request);
            try (GenerationEngine engine = new GenerationEngine(model, new EngineOptions(4, 8, 0, 1))) {
                // When a sequence starts on v1, then v2 is swapped in and another request arrives
                CompletableFuture<GenerationResult> first = engine.submit(request);
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> engine.stats().active() == 1 || first.isDone());
                CompletableFuture<LanguageModel> retired = engine.swap(other);
                await().atMost(Duration.ofSeconds(30)).until(() -> engine.stats().currentVersion().equals("v2"));
                CompletableFuture<GenerationResult> second = engine.submit(request);
                // Then each reply names its version and equals that version's reply alone
                assertThat(first.get(30, TimeUnit.SECONDS).modelVersion()).isEqualTo("v1");
                assertThat(first.get().tokens()).containsExactly(aloneOnV1.tokens());
                assertThat(second.get(30, TimeUnit.SECONDS).modelVersion()).isEqualTo("v2");
                assertThat(second.get().tokens()).containsExactly(aloneOnV2.tokens());
                // And v1 is handed back once nothing uses it
                assertThat(retired.get(30, TimeUnit.SECONDS)).isSameAs(model);
            }
        }
    }

    @Test
    void shouldRefuseRequestsAfterClose() {
        GenerationEngine engine = new GenerationEngine(model, EngineOptions.defaults());
        engine.close();
        assertThatThrownBy(() -> engine.submit(GenerationRequest.greedy(List.of(), "hi", 5)))
                .isInstanceOf(EngineClosedException.class)
                .hasMessage("generation engine is closed");
    }

    @Test
    void shouldStopAtTheTokenLimit() throws ExecutionException, InterruptedException {
        GenerationResult result = new Generator(model).generate(
                GenerationRequest.greedy(List.of(), "where is order 42?", 3));
        assertThat(result.tokens()).hasSize(3);
        assertThat(result.stopReason()).isEqualTo(StopReason.TOKEN_LIMIT);
    }
}
