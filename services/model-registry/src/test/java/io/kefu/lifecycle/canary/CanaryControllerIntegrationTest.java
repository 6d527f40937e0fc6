package io.kefu.lifecycle.canary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.kefu.contract.CommandKind;
import io.kefu.contract.ModelStatus;
import io.kefu.contract.ModelVersion;
import io.kefu.contract.OperatorCommand;
import io.kefu.contract.OpsMetrics;
import io.kefu.kafka.embedded.junit.EmbeddedKafkaExtension;
import io.kefu.lifecycle.IllegalTransitionException;
import io.kefu.lifecycle.LifecyclePublisher;
import io.kefu.lifecycle.ModelRegistryView;
import io.kefu.lifecycle.RegistryFixture;
import io.kefu.lifecycle.TestClock;
import io.kefu.lifecycle.canary.CanaryDecision.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The canary controller against a real broker and registry, fed scripted aggregates on ops-metrics. */
class CanaryControllerIntegrationTest {
  @RegisterExtension
  static final EmbeddedKafkaExtension kafka = new EmbeddedKafkaExtension();

  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  private static final Duration WAIT = Duration.ofSeconds(30);

  private RegistryFixture fixture;
  private ModelRegistryView view;
  private OpsMetricsRatings ratings;
  private LifecyclePublisher publisher;
  private CanaryController controller;
  private final TestClock clock = new TestClock(T0);

  private void startAll(TestInfo test) throws InterruptedException {
    String prefix = test.getTestMethod().orElseThrow().getName() + ".";
    fixture = new RegistryFixture(kafka.broker().clientProperties(), prefix);
    view = fixture.startedView();
    ratings = new OpsMetricsRatings(fixture.kafka(), fixture.topics().opsMetrics());
    ratings.start();
    publisher = new LifecyclePublisher(fixture.kafka(), "lifecycle-" + prefix, fixture.topics().modelVersions(), view,
        clock);
    controller = new CanaryController("kefu", new CanaryPolicy(50, 0.05, 0.0, Duration.ofHours(1)), 0.2, true, view,
        publisher, ratings, clock);
  }

  @AfterEach
  void stopAll() {
    if (publisher != null) {
      publisher.close();
    }
    if (ratings != null) {
      ratings.close();
    }
    if (view != null) {
      view.close();
    }
    if (fixture != null) {
      fixture.close();
    }
  }

  private void rate(String version, Instant windowStart, long ratingsCount, long sum, long satisfied) {
    OpsMetrics metrics = OpsMetrics.newBuilder()
        .setModelVersion(version)
        .setWindowStart(windowStart)
        .setWindowEnd(windowStart.plus(Duration.ofMinutes(1)))
        .setRatings(ratingsCount)
        .setRatingSum(sum)
        .setAverageRating((double) sum / ratingsCount)
        .setCsat((double) satisfied / ratingsCount)
        .build();
    fixture.send(fixture.topics().opsMetrics().name(), version, metrics,
        fixture.topics().opsMetrics().valueSerde().serializer());
    await().atMost(WAIT).until(() -> ratings.ratingsSince(version, windowStart).ratings() >= ratingsCount);
  }

  private ModelVersion awaitStatus(String version, ModelStatus status) throws InterruptedException {
    Optional<ModelVersion> seen = view.awaitStatus("kefu", version, status, WAIT);
    assertThat(seen).as(version + " should become " + status).isPresent();
    return seen.get();
  }

  @Test
  void shouldPromoteABetterCanaryAndRollBackACanaryRatedWorseLive(TestInfo test) throws Exception {
    // Given an active base model and a candidate trained from it
    startAll(test);
    publisher.registerBase("kefu", "v1", "file:///store/v1", "sha-v1", Map.of(), Map.of("intent", 0.92));
    fixture.writeCandidate("v2", "v1", T0);
    awaitStatus("v2", ModelStatus.CANDIDATE);

    // When the controller checks, Then it starts a canary of the candidate on 20% of conversations
    clock.advance(Duration.ofHours(1));
    assertThat(controller.checkOnce()).isEmpty();
    ModelVersion canary = awaitStatus("v2", ModelStatus.CANARY);
    assertThat(canary.getCanaryShare()).isEqualTo(0.2);
    assertThat(canary.getChangedAt()).isEqualTo(T0.plus(Duration.ofHours(1)));

    // When customers rate the canary better (60/100 satisfied) than the active version (45/100)
    Instant since = canary.getChangedAt();
    rate("v2", since, 100, 420, 60);
    rate("v1", since, 100, 350, 45);
    clock.advance(Duration.ofMinutes(10));
    CanaryDecision promoted = controller.checkOnce().orElseThrow();

    // Then it is promoted, the old version retired, and the reason recorded
    assertThat(promoted.verdict()).isEqualTo(Verdict.PROMOTE);
    ModelVersion active = awaitStatus("v2", ModelStatus.ACTIVE);
    assertThat(active.getReason()).isEqualTo(promoted.reason()).startsWith("rated better: canary CSAT 0.600");
    assertThat(awaitStatus("v1", ModelStatus.RETIRED).getReason()).isEqualTo("replaced by v2");

    // Given a next candidate that passed the gate but customers like less
    fixture.writeCandidate("v3", "v2", T0.plus(Duration.ofHours(2)));
    awaitStatus("v3", ModelStatus.CANDIDATE);
    clock.advance(Duration.ofHours(2));
    controller.checkOnce();
    Instant since3 = awaitStatus("v3", ModelStatus.CANARY).getChangedAt();
    rate("v3", since3, 80, 200, 30);
    rate("v2", since3, 80, 280, 50);
    clock.advance(Duration.ofMinutes(10));

    // When the controller checks, Then the canary is rolled back and v2 stays active
    CanaryDecision rolledBack = controller.checkOnce().orElseThrow();
    assertThat(rolledBack.verdict()).isEqualTo(Verdict.ROLL_BACK);
    assertThat(rolledBack.canary()).isEqualTo(new ArmStats(80, 200, 30));
    assertThat(rolledBack.active()).isEqualTo(new ArmStats(80, 280, 50));
    assertThat(awaitStatus("v3", ModelStatus.ROLLED_BACK).getReason()).startsWith("rated worse: ");
    assertThat(view.active("kefu").orElseThrow().getVersion()).isEqualTo("v2");
    assertThat(view.canary("kefu")).isEmpty();
    assertThat(view.history("kefu", "v3")).extracting(ModelVersion::getStatus)
        .containsExactly(ModelStatus.CANDIDATE, ModelStatus.CANARY, ModelStatus.ROLLED_BACK);
  }

  @Test
  void shouldCarryOutOperatorsPromoteAndRollBackCommands(TestInfo test) throws Exception {
    // Given an active base, a canary, and the controller following operator-commands
    startAll(test);
    publisher.registerBase("kefu", "v1", "file:///store/v1", "sha-v1", Map.of(), Map.of());
    fixture.writeCandidate("v2", "v1", T0);
    awaitStatus("v2", ModelStatus.CANDIDATE);
    controller.checkOnce();
    awaitStatus("v2", ModelStatus.CANARY);
    try (OperatorCommandFollower follower = new OperatorCommandFollower(fixture.kafka(), "canary-" + test.hashCode(),
        fixture.topics().operatorCommands(), controller::handle)) {
      follower.start();
      await().atMost(WAIT).until(follower::isAssigned);

      // When an operator promotes the canary without naming it
      command("c1", CommandKind.PROMOTE, null, "looks great");
      // Then it becomes active with the operator's words as reason
      assertThat(awaitStatus("v2", ModelStatus.ACTIVE).getReason()).isEqualTo("promoted by operator alice: looks great");

      // When an operator rolls back the active version
      command("c2", CommandKind.ROLL_BACK, "v2", null);
      // Then it is rolled back and the retired base reinstated
      assertThat(awaitStatus("v2", ModelStatus.ROLLED_BACK).getReason()).isEqualTo("rolled back by operator alice");
      assertThat(awaitStatus("v1", ModelStatus.ACTIVE).getReason()).isEqualTo("reinstated: v2 was rolled back");

      // When an operator asks for a step the rules refuse, then for a valid one
      command("c3", CommandKind.PROMOTE, "v2", null);
      fixture.writeCandidate("v4", "v1", T0);
      awaitStatus("v4", ModelStatus.CANDIDATE);
      command("c4", CommandKind.ROLL_BACK, "v4", "never mind");
      command("c5", CommandKind.TRAIN_NOW, null, null);
      // Then the refused ones change nothing and the follower carries on with the next commands
      controller.checkOnce();
      awaitStatus("v4", ModelStatus.CANARY);
      command("c6", CommandKind.ROLL_BACK, null, "changed my mind");
      assertThat(awaitStatus("v4", ModelStatus.ROLLED_BACK).getReason())
          .isEqualTo("rolled back by operator alice: changed my mind");
      assertThat(view.latest("kefu", "v2").orElseThrow().getStatus()).isEqualTo(ModelStatus.ROLLED_BACK);
    }
  }

  @Test
  void shouldRefuseIllegalStepsWithAClearErrorAndWriteNothing(TestInfo test) throws Exception {
    // Given an active base model and a fresh candidate
    startAll(test);
    publisher.registerBase("kefu", "v1", "file:///store/v1", "sha-v1", Map.of(), Map.of());
    fixture.writeCandidate("v2", "v1", T0);
    awaitStatus("v2", ModelStatus.CANDIDATE);

    // Then promoting the candidate without a canary is refused
    assertThatThrownBy(() -> publisher.promote("kefu", "v2", "skip the canary"))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessage("model version kefu:v2 cannot go from CANDIDATE to ACTIVE; allowed from CANDIDATE: "
            + "[CANARY, REJECTED]");
    // And rolling back the only active version is refused, since nothing could serve instead
    assertThatThrownBy(() -> publisher.rollBack("kefu", "v1", "oops"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("cannot roll back kefu:v1: it is the ACTIVE version and no RETIRED version is left to reinstate");
    // And a second base model is refused while one is active
    assertThatThrownBy(() -> publisher.registerBase("kefu", "v9", "u", "s", Map.of(), Map.of()))
        .hasMessage("cannot register kefu:v9 as a base model: v1 is already ACTIVE");
    assertThat(view.history("kefu", "v2")).hasSize(1);
    assertThat(view.history("kefu", "v1")).hasSize(1);

    // And a new view reading the topic from the start sees the same latest records
    try (ModelRegistryView second = fixture.startedView()) {
      assertThat(second.versions().all()).isEqualTo(view.versions().all());
    }
  }

  @Test
  void shouldRejectCandidatesTrainedFromAVersionThatIsNoLongerActive(TestInfo test) throws Exception {
    // Given v2 promoted over v1 while a candidate trained from v1 waited
    startAll(test);
    publisher.registerBase("kefu", "v1", "file:///store/v1", "sha-v1", Map.of(), Map.of());
    fixture.writeCandidate("v2", "v1", T0);
    awaitStatus("v2", ModelStatus.CANDIDATE);
    controller.checkOnce();
    awaitStatus("v2", ModelStatus.CANARY);
    fixture.writeCandidate("v3", "v1", T0.plusSeconds(1));
    awaitStatus("v3", ModelStatus.CANDIDATE);
    publisher.promote("kefu", "v2", "test");
    fixture.writeCandidate("v4", "v2", T0.plusSeconds(2));
    awaitStatus("v4", ModelStatus.CANDIDATE);

    // When the controller checks
    controller.checkOnce();

    // Then the stale candidate is rejected and the fresh one becomes the canary
    assertThat(awaitStatus("v3", ModelStatus.REJECTED).getReason())
        .isEqualTo("superseded: trained from v1 but v2 is ACTIVE");
    awaitStatus("v4", ModelStatus.CANARY);
  }

  private void command(String id, CommandKind kind, String version, String reason) {
    OperatorCommand command = OperatorCommand.newBuilder()
        .setCommandId(id)
        .setKind(kind)
        .setModelName(null)
        .setModelVersion(version)
        .setOperatorId("alice")
        .setReason(reason)
        .setIssuedAt(T0)
        .build();
    fixture.send(fixture.topics().operatorCommands().name(), "kefu", command,
        fixture.topics().operatorCommands().valueSerde().serializer());
  }
}
