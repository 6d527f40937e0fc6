package io.kefu.model.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ai.djl.Device;
import ai.djl.pytorch.jni.JniUtils;
import io.kefu.model.LanguageModel;
import io.kefu.model.PyTorchRuntime;
import io.kefu.model.gpt.GptConfig;
import io.kefu.model.testing.OverfitFixture;
import io.kefu.model.tokenizer.ChatTurn;
import io.kefu.model.train.ReplyExample;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GenerationEngineTest {

    private final LanguageModel model = OverfitFixture.shared();

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
        // Given sequences of different prompt lengths, 4 slots for 9 requests and at most 2 padded
        // prefills per step, so sequences join and leave at different steps
        List<GenerationRequest> requests = requests();
        Generator sequential = new Generator(model);
        List<GenerationResult> expected = new ArrayList<>();
        for (GenerationRequest request : requests) {
            expected.add(sequential.generate(request));
        }
        try (GenerationEngine engine = new GenerationEngine(model, new EngineOptions(4, 64, 0, 2))) {
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
                    .hasMessage("generation engine is full: all 2 places in the wait queue are taken");
        }
    }

    @Test
    void shouldFinishStartedSequencesOnTheirVersionWhileANewVersionTakesNewOnes() throws Exception {
        // Given an untrained version v0 with a long context, which rambles until its token limit
        GptConfig longContext = new GptConfig(model.config().vocabSize(), 512, 2, 2, 32, 0f);
        try (LanguageModel rambler = LanguageModel.initialize("tiny", "v0", longContext, model.tokenizer(),
                Device.cpu(), 99)) {
            GenerationRequest longRequest = GenerationRequest.greedy(List.of(), "my parcel is late", 400);
            GenerationRequest request = GenerationRequest.greedy(List.of(), "my parcel is late", 30);
            GenerationResult aloneOnV0 = new Generator(rambler).generate(longRequest);
            GenerationResult aloneOnV1 = new Generator(model).generate(request);
            assertThat(aloneOnV0.tokens().length).isGreaterThan(300);
            try (GenerationEngine engine = new GenerationEngine(rambler, new EngineOptions(4, 8, 0, 1))) {
                // When a sequence starts on v0, then v1 is swapped in and another request arrives
                CompletableFuture<GenerationResult> first = engine.submit(longRequest);
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(1))
                        .until(() -> engine.stats().active() == 1);
                CompletableFuture<LanguageModel> retired = engine.swap(model);
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(1))
                        .until(() -> engine.stats().currentVersion().equals("v1"));
                CompletableFuture<GenerationResult> second = engine.submit(request);
                // Then each reply names its version and equals that version's reply alone
                GenerationResult firstResult = first.get(60, TimeUnit.SECONDS);
                assertThat(firstResult.modelVersion()).isEqualTo("v0");
                assertThat(firstResult.tokens()).containsExactly(aloneOnV0.tokens());
                GenerationResult secondResult = second.get(60, TimeUnit.SECONDS);
                assertThat(secondResult.modelVersion()).isEqualTo("v1");
                assertThat(secondResult.tokens()).containsExactly(aloneOnV1.tokens());
                // And v0 is handed back once its last sequence has finished
                assertThat(retired.get(30, TimeUnit.SECONDS)).isSameAs(rambler);
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

    @Test
    void shouldDecodeWithItsOwnIntraOpThreadCountAndLeaveTheCallersAlone() throws Exception {
        // Given a caller thread that uses two PyTorch threads
        PyTorchRuntime.setThreadIntraOpThreads(2);
        try (GenerationEngine engine = new GenerationEngine(model, new EngineOptions(4, 64, 0, 2, 3))) {
            // When a reply completes (its callback runs on the decode loop)
            CompletableFuture<String> loop = engine.submit(requests().get(0)).thenApply(result -> threadAndCount());

            // Then the decode loop ran with the engine's three threads, and the caller still has two
            assertThat(loop.get(60, TimeUnit.SECONDS)).isEqualTo("kefu-decode-loop 3");
            assertThat(JniUtils.getNumThreads()).isEqualTo(2);
        }
        try (GenerationEngine engine = new GenerationEngine(model, EngineOptions.defaults())) {
            assertThat(engine.submit(requests().get(0)).thenApply(result -> threadAndCount()).get(60, TimeUnit.SECONDS))
                    .isEqualTo("kefu-decode-loop " + EngineOptions.DEFAULT_DECODE_THREADS);
        }
    }

    private static String threadAndCount() {
        return Thread.currentThread().getName() + " " + JniUtils.getNumThreads();
    }

    @Test
    void shouldRefuseADecodeThreadCountBelowOne() {
        assertThatThrownBy(() -> EngineOptions.defaults().withDecodeThreads(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("decodeThreads must be > 0");
    }
}
