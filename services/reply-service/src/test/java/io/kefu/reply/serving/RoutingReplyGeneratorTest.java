package io.kefu.reply.serving;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.lifecycle.canary.CanaryRouter;
import io.kefu.model.generate.GenerationEngine;
import io.kefu.model.generate.SamplingSettings;
import io.kefu.reply.generate.EngineReplyGenerator;
import io.kefu.reply.generate.GeneratedReply;
import io.kefu.reply.memory.RecentTurn;
import io.kefu.reply.testing.TinyReplyModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RoutingReplyGeneratorTest {
  private static final SamplingSettings GREEDY = SamplingSettings.greedy(30);

  private GenerationEngine activeEngine;
  private GenerationEngine canaryEngine;
  private RoutingReplyGenerator router;

  @BeforeEach
  void startEngines() {
    activeEngine = TinyReplyModel.engine(TinyReplyModel.shared());
    canaryEngine = TinyReplyModel.engine(TinyReplyModel.secondVersion());
    router = new RoutingReplyGenerator(new EngineReplyGenerator(activeEngine, GREEDY));
  }

  @AfterEach
  void closeEngines() {
    canaryEngine.close();
    activeEngine.close();
  }

  private static GeneratedReply reply(CompletableFuture<GeneratedReply> future) throws Exception {
    return future.get(60, TimeUnit.SECONDS);
  }

  @Test
  void shouldServeEachConversationFromTheVersionItsConversationIdHashesToAndKeepItThere() throws Exception {
    // Given a canary serving half of the conversations
    router.routeCanary(TinyReplyModel.SECOND_VERSION, new EngineReplyGenerator(canaryEngine, GREEDY), 0.5);

    // When 40 conversations send three messages each
    List<String> ids = new ArrayList<>();
    List<CompletableFuture<GeneratedReply>> replies = new ArrayList<>();
    for (int c = 0; c < 40; c++) {
      for (int k = 0; k < 3; k++) {
        ids.add("route-" + c);
        replies.add(router.generate("route-" + c, List.<RecentTurn>of(), TinyReplyModel.englishMessage(100 * c + k)));
      }
    }

    // Then every reply comes from the version the conversation hashes to, and both versions serve some
    for (int i = 0; i < ids.size(); i++) {
      String expected = CanaryRouter.routesToCanary(ids.get(i), 0.5) ? TinyReplyModel.SECOND_VERSION
          : TinyReplyModel.VERSION;
      assertThat(reply(replies.get(i)).modelVersion()).as(ids.get(i)).isEqualTo(expected);
      assertThat(router.routesToCanary(ids.get(i))).isEqualTo(expected.equals(TinyReplyModel.SECOND_VERSION));
    }
    assertThat(ids.stream().filter(id -> CanaryRouter.routesToCanary(id, 0.5)).distinct().count())
        .isBetween(10L, 30L);
    assertThat(router.modelVersion()).isEqualTo(TinyReplyModel.VERSION);
  }

  @Test
  void shouldGiveACanaryConversationToTheActiveVersionWhenTheCanaryEngineHasClosed() throws Exception {
    // Given a canary serving every conversation whose engine has closed
    router.routeCanary(TinyReplyModel.SECOND_VERSION, new EngineReplyGenerator(canaryEngine, GREEDY), 1.0);
    canaryEngine.close();

    // When a conversation asks for a reply
    GeneratedReply reply = reply(router.generate("late", List.of(), TinyReplyModel.englishMessage(3)));

    // Then the active version writes it whole
    assertThat(reply.modelVersion()).isEqualTo(TinyReplyModel.VERSION);
    assertThat(reply.text()).isEqualTo(TinyReplyModel.ENGLISH_REPLY);
  }

  @Test
  void shouldServeEveryConversationFromTheActiveVersionOnceTheCanaryStops() throws Exception {
    // Given a canary serving every conversation
    router.routeCanary(TinyReplyModel.SECOND_VERSION, new EngineReplyGenerator(canaryEngine, GREEDY), 1.0);
    assertThat(reply(router.generate("c-1", List.of(), TinyReplyModel.englishMessage(3))).text())
        .isEqualTo(TinyReplyModel.SECOND_VERSION_REPLY);

    // When the canary stops
    router.stopCanary();

    // Then the same conversation is served by the active version
    GeneratedReply reply = reply(router.generate("c-1", List.of(), TinyReplyModel.englishMessage(3)));
    assertThat(reply.modelVersion()).isEqualTo(TinyReplyModel.VERSION);
    assertThat(router.canaryVersion()).isEmpty();
    assertThat(router.canaryShare()).isZero();
  }
}
