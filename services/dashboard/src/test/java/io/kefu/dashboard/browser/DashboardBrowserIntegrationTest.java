package io.kefu.dashboard.browser;

import static io.kefu.dashboard.support.TestRecords.MODEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kefu.contract.AgentReply;
import io.kefu.contract.AuthorKind;
import io.kefu.contract.CommandKind;
import io.kefu.contract.HandoffStatus;
import io.kefu.contract.Locale;
import io.kefu.contract.ModelStatus;
import io.kefu.contract.OperatorCommand;
import io.kefu.dashboard.DashboardServer;
import io.kefu.dashboard.support.Http;
import io.kefu.dashboard.support.KefuTestPlatform;
import io.kefu.dashboard.support.LiveTraffic;
import io.kefu.dashboard.support.TestProducer;
import io.kefu.dashboard.support.TestRecords;
import io.kefu.dashboard.support.TopicReader;
import io.kefu.kafka.dlq.DeadLetter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The dashboard in real headless Chromium against a real broker and registry, with live traffic written by the test
 * standing in for the chat platform, the reply service and the canary controller.
 *
 * <p>The methods run in order as one operator's session: watch, promote, answer, then the same page as a viewer and
 * as nobody.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserIntegrationTest {
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final String SCRIPT_TEXT = "<script>window.kefuXss=1</script><img src=x onerror=\"window.kefuXss=2\">";
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private static KefuTestPlatform platform;
  private static TestProducer producer;
  private static LiveTraffic traffic;
  private static DashboardServer dashboard;
  private static Chromium chromium;
  private static ChromeDriver driver;
  private static DashboardPage page;

  @BeforeAll
  static void startPlatformTrafficDashboardAndBrowser() throws Exception {
    Assumptions.assumeTrue(Chromium.installed(), "the browser test needs Debian's chromium and chromium-driver ("
        + Chromium.BROWSER + ", " + Chromium.DRIVER + "): apt-get install -y chromium chromium-driver");
    platform = KefuTestPlatform.start();
    producer = platform.producer();
    var topics = platform.topics();
    long now = System.currentTimeMillis();
    producer.send(topics.modelVersions(), MODEL, TestRecords.version("v1", ModelStatus.ACTIVE, null,
        "base model trained on the seed corpus", now - 60_000));
    producer.send(topics.modelVersions(), MODEL, TestRecords.version("v2", ModelStatus.CANARY, "v1",
        "canary on 10% of conversations: 4.5★ vs 3.5★ for v1 so far", now - 30_000));
    producer.send(topics.modelVersions(), MODEL, TestRecords.version("v3", ModelStatus.CANDIDATE, "v2",
        "evaluation passed: held-out loss 1.41 < 1.50 of v2", now - 5_000));
    producer.send(topics.handoffs(), "c-refund", TestRecords.handoff("c-refund", "m-refund", List.of(
        TestRecords.customerTurn("我要退款，订单 A1234 的耳机坏了"), TestRecords.agentTurn("抱歉给您带来不便。")),
        HandoffStatus.OPEN, now - 20_000));
    producer.send(topics.handoffs(), "c-script", TestRecords.handoff("c-script", "m-script",
        List.of(TestRecords.customerTurn(SCRIPT_TEXT)), HandoffStatus.OPEN, now - 10_000));
    producer.send(topics.customerMessages(), "c-script",
        TestRecords.message("c-script", "m-script", SCRIPT_TEXT, Locale.EN, now - 10_000));
    producer.sendRaw(new DeadLetter("WRONG_MAGIC_BYTE", "first byte was 0x7b, not 0: a JSON producer?", null,
        topics.customerMessages().name(), 2, 41, "reply-service")
        .toRecord(topics.dlq("customer-messages"), "c-bad".getBytes(StandardCharsets.UTF_8),
            "{\"text\":\"hi\"}".getBytes(StandardCharsets.UTF_8), null, now));
    try (Admin admin = Admin.create(platform.clientProperties())) {
      admin.alterConsumerGroupOffsets("kefu-reply-service", Map.of(
          new TopicPartition(topics.customerMessages().name(), 0), new OffsetAndMetadata(0),
          new TopicPartition(topics.customerMessages().name(), 1), new OffsetAndMetadata(0))).all().get();
    }
    traffic = new LiveTraffic(producer, topics).backfill(150_000, 700).start(150);

    dashboard = new DashboardServer(platform.dashboardConfig(Map.of())); // tokens generated, as in the demo
    dashboard.start();
    chromium = new Chromium(1366, 768);
    driver = chromium.driver();
    page = new DashboardPage(chromium, dashboard.url(), PATIENCE);
  }

  @AfterAll
  static void stopEverything() throws Exception {
    if (chromium != null) {
      chromium.close();
    }
    if (traffic != null) {
      traffic.close();
      assertThat(traffic.failure()).as("the live traffic kept flowing").isNull();
    }
    if (dashboard != null) {
      dashboard.stop();
    }
    if (producer != null) {
      producer.close();
    }
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  @Order(1)
  void shouldShowLiveDataInEveryChartAndSaveScreenshotsAtLaptopAndPhoneWidths() throws IOException {
    // Given the dashboard opened with the admin token the dashboard generated
    page.openAs(dashboard.adminToken());

    // When the live stream has delivered the recent history and then turns written after the page opened
    await().atMost(PATIENCE).until(() -> "live".equals(page.attribute("live-status", "data-state")));
    int writtenBeforeOpening = traffic.ticks();
    await().atMost(PATIENCE).untilAsserted(() -> {
      assertThat(latestOrderShown()).isGreaterThan(1000 + writtenBeforeOpening + 5);
      assertThat(page.points("chart-throughput")).isGreaterThanOrEqualTo(3);
      assertThat(page.points("chart-latency")).isGreaterThanOrEqualTo(1);
      assertThat(page.points("chart-rating")).isGreaterThanOrEqualTo(1);
      assertThat(page.points("chart-csat")).isGreaterThanOrEqualTo(1);
      assertThat(page.text("lag-body")).contains("kefu-reply-service");
      assertThat(page.text("conversations")).contains("c-live-");
    });

    // Then the charts mark the ACTIVE and CANARY versions, the registry shows each version's evidence, and Chinese
    // text from the topics is shown as written
    assertThat(page.text("chart-rating")).contains("v1 · ACTIVE", "v2 · CANARY");
    await().atMost(PATIENCE).ignoreException(StaleElementReferenceException.class).untilAsserted(() -> {
      assertThat(page.row("v2").getAttribute("data-status")).isEqualTo("CANARY");
      assertThat(page.row("v2").getText()).contains("4.5★ vs 3.5★", "intentAccuracy");
    });
    assertThat(page.text("handoff-list")).contains("c-refund");
    assertThat(page.text("conversations")).contains("您的订单已发货，预计明天送达。");
    assertThat(page.text("dlq")).contains("WRONG_MAGIC_BYTE", "first byte was 0x7b");
    assertThat(page.text("kpi-active")).startsWith("v1");

    // And the page fits a laptop screen and a phone screen without sideways scrolling
    page.select("c-refund");
    await().atMost(PATIENCE).until(() -> page.text("handoff-transcript").contains("我要退款，订单 A1234 的耳机坏了"));
    page.screenshot(SCREENSHOTS, "dashboard-laptop-1366x768.png", 1366, 768, false);
    page.screenshot(SCREENSHOTS, "dashboard-laptop-1366-full.png", 1366, 768, true);
    driver.findElement(By.id("lang-toggle")).click();
    await().atMost(PATIENCE).until(() -> page.text("models-card").contains("模型版本"));
    page.screenshot(SCREENSHOTS, "dashboard-phone-390x844-zh.png", 390, 844, false);
    page.screenshot(SCREENSHOTS, "dashboard-phone-390-full-zh.png", 390, 844, true);
    driver.findElement(By.id("lang-toggle")).click();
    chromium.viewport(1366, 768);
  }

  @Test
  @Order(2)
  void shouldSendPromoteFromTheCanaryButtonAndShowActiveOnceTheControllerConfirms() {
    // Given the registry with v2 as the CANARY and v3 a CANDIDATE, which the lifecycle does not let become ACTIVE
    await().atMost(PATIENCE).ignoreException(StaleElementReferenceException.class).untilAsserted(() -> {
      assertThat(page.button("promote", "v3").isEnabled()).as("promote of the CANDIDATE v3").isFalse();
      assertThat(page.button("promote", "v1").isEnabled()).as("promote of the ACTIVE v1").isFalse();
    });
    try (TopicReader<OperatorCommand> commands = new TopicReader<>(platform.clientProperties(),
        platform.topics().operatorCommands())) {
      // When the admin clicks promote on the canary
      page.click("promote", "v2");

      // Then a PROMOTE command for it, by the admin, is on operator-commands
      await().atMost(PATIENCE).untilAsserted(() -> assertThat(commands.poll())
          .filteredOn(c -> c.getKind() == CommandKind.PROMOTE)
          .singleElement()
          .satisfies(c -> {
            assertThat(c.getModelName()).isEqualTo(MODEL);
            assertThat(c.getModelVersion()).isEqualTo("v2");
            assertThat(c.getOperatorId()).isEqualTo("admin");
          }));
    }
    // When the canary controller (played by the test) makes it ACTIVE and retires v1
    long now = System.currentTimeMillis();
    producer.send(platform.topics().modelVersions(), MODEL,
        TestRecords.version("v2", ModelStatus.ACTIVE, "v1", "promoted by admin", now));
    producer.send(platform.topics().modelVersions(), MODEL,
        TestRecords.version("v1", ModelStatus.RETIRED, null, "replaced by v2", now));

    // Then the registry shows v2 ACTIVE without a reload
    await().atMost(PATIENCE).ignoreException(StaleElementReferenceException.class).untilAsserted(() -> {
      assertThat(page.row("v2").getAttribute("data-status")).isEqualTo("ACTIVE");
      assertThat(page.row("v2").getText()).contains("ACTIVE");
      assertThat(page.row("v1").getAttribute("data-status")).isEqualTo("RETIRED");
      assertThat(page.text("kpi-active")).startsWith("v2");
    });
  }

  @Test
  @Order(3)
  void shouldAnswerAHandoffFromTheQueueAndProduceAHumanReply() {
    String answer = "您好！退款已处理 / Your refund is on its way.";
    try (TopicReader<AgentReply> replies = new TopicReader<>(platform.clientProperties(),
        platform.topics().agentReplies())) {
      // Given the refund conversation selected in the queue
      page.select("c-refund");
      await().atMost(PATIENCE).until(() -> page.text("handoff-transcript").contains("耳机坏了"));

      // When the admin writes an answer and sends it
      WebElement box = driver.findElement(By.id("answer-text"));
      box.clear();
      box.sendKeys(answer);
      driver.findElement(By.id("answer-send")).click();

      // Then a HUMAN reply with that text, by the admin, is on agent-replies (read_committed)
      await().atMost(PATIENCE).untilAsserted(() -> assertThat(replies.poll())
          .filteredOn(r -> r.getAuthor() == AuthorKind.HUMAN)
          .singleElement()
          .satisfies(r -> {
            assertThat(r.getConversationId()).isEqualTo("c-refund");
            assertThat(r.getText()).isEqualTo(answer);
            assertThat(r.getOperatorId()).isEqualTo("admin");
            assertThat(r.getInReplyTo()).isEqualTo("m-refund");
          }));
    }
    // And the conversation leaves the queue
    await().atMost(PATIENCE).untilAsserted(() -> {
      assertThat(driver.findElements(By.cssSelector("#handoff-list [data-conversation='c-refund']"))).isEmpty();
      assertThat(page.text("handoff-empty")).isEqualTo("This conversation was answered or closed.");
    });
  }

  @Test
  @Order(4)
  void shouldShowHtmlInCustomerTextAsLiteralCharacters() {
    // When the conversation whose customer wrote markup is shown
    page.select("c-script");
    await().atMost(PATIENCE).until(() -> page.text("handoff-transcript").contains("window.kefuXss"));

    // Then the markup is shown as text, and none of it became an element or ran
    assertThat(page.text("handoff-transcript")).contains(SCRIPT_TEXT);
    assertThat(page.text("handoff-list")).contains(SCRIPT_TEXT);
    assertThat(driver.findElements(By.cssSelector("#dashboard img, #dashboard script"))).isEmpty();
    assertThat(driver.executeScript("return window.kefuXss === undefined")).isEqualTo(true);

    // And when the customer writes it again, the recent conversations show it as text too
    producer.send(platform.topics().customerMessages(), "c-script",
        TestRecords.message("c-script", "m-script-2", SCRIPT_TEXT, Locale.EN, System.currentTimeMillis()));
    await().atMost(PATIENCE).until(() -> page.text("conversations").contains(SCRIPT_TEXT));
    assertThat(driver.findElements(By.cssSelector("#dashboard img, #dashboard script"))).isEmpty();
    assertThat(driver.executeScript("return window.kefuXss === undefined")).isEqualTo(true);
  }

  @Test
  @Order(5)
  void shouldDisableEveryActionForAViewerAndRefuseItsPromoteWith403() {
    // Given the dashboard opened with the viewer token
    page.openAs(dashboard.viewerToken());
    await().atMost(PATIENCE).until(() -> !driver.findElements(By.cssSelector("#models-body tr")).isEmpty());

    // Then it shows the data but every action is disabled
    assertThat(page.text("role-badge")).startsWith("Viewer");
    assertThat(page.disabledStates("button[data-action]")).hasSize(6).containsOnly(true);
    assertThat(page.disabledStates("[data-training]")).hasSize(3).containsOnly(true);
    assertThat(page.disabledStates("#answer-text, #answer-send, #handoff-close")).hasSize(3).containsOnly(true);

    // And the API refuses a promote with the viewer token, from the page and from outside it
    Object status = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
        + "fetch('/api/models/" + MODEL + "/v2/promote', {method: 'POST', headers: {Authorization: 'Bearer ' "
        + "+ sessionStorage.getItem('kefu.token')}}).then(r => done(r.status));");
    assertThat(status).isEqualTo(403L);
    assertThat(new Http(dashboard.port()).post("/api/models/" + MODEL + "/v2/promote", dashboard.viewerToken(), null)
        .statusCode()).isEqualTo(403);
  }

  @Test
  @Order(6)
  void shouldShowOnlyASignInPromptWithoutAToken() {
    // Given no token in the tab
    driver.executeScript("sessionStorage.clear()");

    // When the dashboard is opened
    driver.get(page.base());

    // Then only the sign-in form shows, with none of the data
    await().atMost(PATIENCE).until(() -> driver.findElement(By.id("login-form")).isDisplayed());
    String source = driver.getPageSource();
    assertThat(source).doesNotContain("c-refund", "c-live-", MODEL, "v3", "models-table");
    assertThat(driver.findElements(By.id("dashboard"))).isEmpty();
    assertThat(new Http(dashboard.port()).get("/api/snapshot", null).statusCode()).isEqualTo(401);

    // And a wrong token is refused there too
    driver.findElement(By.id("token-input")).sendKeys("wrong-token-0123456789");
    driver.findElement(By.cssSelector("#login-form button[type=submit]")).click();
    await().atMost(PATIENCE).until(() -> driver.findElement(By.id("login-error")).isDisplayed());
    assertThat(page.text("login-error")).isEqualTo("This token was not accepted.");
  }

  /** The highest order number in the recent conversations: the live traffic numbers its turns' orders. */
  private static int latestOrderShown() {
    return java.util.regex.Pattern.compile("A(\\d{4,})").matcher(page.text("conversations")).results()
        .mapToInt(m -> Integer.parseInt(m.group(1))).max().orElse(0);
  }
}
