package io.kefu.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.kefu.cli.platform.PlatformSettings;
import io.kefu.contract.AgentReply;
import io.kefu.contract.AuthorKind;
import io.kefu.contract.Locale;
import io.kefu.dashboard.DashboardSettings;
import io.kefu.dashboard.browser.Chromium;
import io.kefu.dashboard.browser.DashboardPage;
import io.kefu.dashboard.support.Http;
import io.kefu.dashboard.support.TestProducer;
import io.kefu.dashboard.support.TestRecords;
import io.kefu.dashboard.support.TopicReader;
import io.kefu.feedback.FeedbackSettings;
import io.kefu.finetune.FineTuneSettings;
import io.kefu.kafka.config.CoreSettings;
import io.kefu.kafka.config.KefuConfig;
import io.kefu.kafka.topic.KefuTopics;
import io.kefu.kafka.topic.TopicCatalogue;
import io.kefu.lifecycle.LifecycleSettings;
import io.kefu.model.train.BaseTrainingOptions;
import io.kefu.registry.RegistrySettings;
import io.kefu.reply.ReplySettings;
import io.kefu.serde.RestSchemaRegistryClient;
import io.kefu.simulator.SimulatorSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The one-command demo ({@link Demo#start}) in real headless Chromium: embedded broker and registry, every service
 * and the simulated customers on a fresh data directory, with a tiny base model so that the run stays short; the
 * dashboard is driven as one operator's session would: watch, read Chinese and English at laptop and phone width,
 * read markup as text, answer a handoff, train and promote a version, then the same page as a viewer and as nobody.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoBrowserIntegrationTest {
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final String MODEL = "kefu";
  private static final String SCRIPT_TEXT =
      "<script>alert(1)</script><img src=x onerror=\"window.kefuXss=1;alert(2)\">";
  private static final String HTML_CONVERSATION = "c-browser-html";
  private static final String HTML_MESSAGE = "Let me talk to a human: " + SCRIPT_TEXT;
  private static final String CHINESE_CONVERSATION = "c-browser-zh";
  private static final String CHINESE_MESSAGE = "我要人工客服：订单 A1234 的耳机坏了，想退款。";
  /** UTF-8 bytes read as Latin-1 or Windows-1252: a lead byte of a 2-4 byte sequence, then a continuation byte. */
  private static final Pattern MOJIBAKE =
      Pattern.compile("[\\u00C2\\u00C3\\u00E4-\\u00E9][\\u0080-\\u00BF\\u0152-\\u0192\\u02C6-\\u02DC\\u2013-\\u203A\\u20AC\\u2122]");

  /** Rated base-model replies to wait for before training: well above {@code finetune.min.examples}. */
  private static final int RATINGS_BEFORE_TRAINING = 15;

  @TempDir static Path dataDirectory;

  private static final List<String> progress = new CopyOnWriteArrayList<>();
  private static Demo demo;
  private static RestSchemaRegistryClient registry;
  private static KefuTopics topics;
  private static TestProducer producer;
  private static Chromium chromium;
  private static ChromeDriver driver;
  private static DashboardPage page;

  @BeforeAll
  static void startTheDemoAndTheBrowser() throws Exception {
    Assumptions.assumeTrue(Chromium.installed(), "the browser test needs Debian's chromium and chromium-driver ("
        + Chromium.BROWSER + ", " + Chromium.DRIVER + "): apt-get install -y chromium chromium-driver");
    TinyBaseModel.trainInto(dataDirectory.resolve("models"));
    demo = Demo.start(KefuConfig.load(null, smallDemoSettings()), progress::add);
    registry = new RestSchemaRegistryClient(demo.registryUrl());
    topics = KefuTopics.create(TopicCatalogue.load(demo.config().get(CoreSettings.TOPIC_PREFIX)), registry, true);
    producer = new TestProducer(demo.config().kafkaClientProperties());
    askForAPerson(HTML_CONVERSATION, "m-html-1", HTML_MESSAGE, Locale.EN);
    askForAPerson(CHINESE_CONVERSATION, "m-zh-1", CHINESE_MESSAGE, Locale.ZH);

    chromium = new Chromium(1366, 768);
    driver = chromium.driver();
    page = new DashboardPage(chromium, "http://127.0.0.1:" + demo.dashboardPort(), PATIENCE);
  }

  /**
   * The demo's defaults but for free ports, the CPU, a tiny model's reply length and handoff threshold, simulated
   * customers that keep talking, a fine-tuner that trains only when asked and briefly (on every rated reply, the badly
   * rated ones as negatives), a gate that lets its candidate through, and a canary controller that starts canaries at once but leaves the promotion to the operator.
   */
  private static Map<String, String> smallDemoSettings() {
    return Map.ofEntries(
        Map.entry(CoreSettings.DATA_DIR, dataDirectory.toString()),
        Map.entry(PlatformSettings.KAFKA_PORT, "0"),
        Map.entry(RegistrySettings.PORT, "0"),
        Map.entry(ReplySettings.HTTP_PORT, "0"),
        Map.entry(FeedbackSettings.HTTP_PORT, "0"),
        Map.entry(LifecycleSettings.CANARY_HTTP_PORT, "0"),
        Map.entry(DashboardSettings.PORT, "0"),
        Map.entry(DashboardSettings.PUSH_INTERVAL, "500ms"),
        Map.entry(DashboardSettings.LAG_INTERVAL, "1s"),
        Map.entry(ReplySettings.MODEL_DEVICE, "cpu"),
        Map.entry(ReplySettings.MAX_NEW_TOKENS, "40"),
        Map.entry(ReplySettings.HANDOFF_CONFIDENCE, "0.0"),
        Map.entry(SimulatorSettings.RATE, "1"),
        Map.entry(SimulatorSettings.MESSAGES, "0"),
        Map.entry(FineTuneSettings.DEVICE, "cpu"),
        Map.entry(FineTuneSettings.TRIGGER_EXAMPLES, "1000000"),
        Map.entry(FineTuneSettings.TRIGGER_INTERVAL, "24h"),
        Map.entry(FineTuneSettings.MIN_EXAMPLES, "5"),
        // the tiny model's replies are mostly rated 1-2 stars: learn from those too, so a run always has examples
        Map.entry(FineTuneSettings.NEGATIVES, "unlikelihood"),
        Map.entry(FineTuneSettings.NEGATIVE_MAX_STARS, "2"),
        Map.entry(FineTuneSettings.MAX_STEPS, "8"),
        Map.entry(FineTuneSettings.BATCH_SIZE, "8"),
        Map.entry(FineTuneSettings.EVAL_CASES, "22"),
        Map.entry(FineTuneSettings.REPLAY_POOL, String.valueOf(TinyBaseModel.TRAIN_CONVERSATIONS)),
        Map.entry(FineTuneSettings.CORPUS_SEED, String.valueOf(TinyBaseModel.CORPUS_SEED)),
        Map.entry(FineTuneSettings.GATE_MAX_LOSS_INCREASE, "1000"),
        Map.entry(FineTuneSettings.GATE_MAX_LIKED_LOSS_INCREASE, "1000"),
        Map.entry(FineTuneSettings.GATE_MAX_INTENT_DROP, "100"),
        Map.entry(FineTuneSettings.GATE_MAX_ENDING_DROP, "100"),
        Map.entry(FineTuneSettings.GATE_MAX_PREFERENCE_DROP, "1000"),
        Map.entry(LifecycleSettings.CANARY_CHECK_INTERVAL, "1s"),
        Map.entry(LifecycleSettings.CANARY_MIN_RATINGS, "1000000"));
  }

  @AfterAll
  static void stopEverything() {
    try {
      if (chromium != null) {
        chromium.close();
      }
    } finally {
      if (producer != null) {
        producer.close();
      }
      if (registry != null) {
        registry.close();
      }
      if (demo != null) {
        demo.close();
      }
    }
  }

  /** Keeps what the page showed at the end of each step, as a build artifact (and to read a failure by). */
  @AfterEach
  void saveWhatThePageShows(TestInfo test) throws IOException {
    if (driver != null) {
      System.out.println("browser console after " + test.getDisplayName() + ":\n" + chromium.consoleMessages());
      Files.createDirectories(SCREENSHOTS);
      Files.write(SCREENSHOTS.resolve("demo-after-" + test.getTestMethod().orElseThrow().getName() + ".png"),
          driver.getScreenshotAs(OutputType.BYTES));
    }
  }

  @Test
  @Order(1)
  void shouldShowLiveDataFromTheRunningDemoInEveryChart() throws IOException {
    // Given the demo started on a fresh data directory, with the base model it found in its store
    assertThat(progress).anyMatch(line -> line.startsWith("reply service serving " + MODEL + " "
        + BaseTrainingOptions.VERSION));

    // When the dashboard is opened with the admin token
    page.openAs(demo.adminToken());

    // Then the live stream connects and the charts fill with the simulated customers' traffic, replies and ratings
    await().atMost(PATIENCE).until(() -> "live".equals(page.attribute("live-status", "data-state")));
    await().atMost(PATIENCE).untilAsserted(() -> {
      assertThat(page.points("chart-throughput")).isGreaterThanOrEqualTo(3);
      assertThat(page.points("chart-latency")).isGreaterThanOrEqualTo(1);
      assertThat(page.points("chart-rating")).isGreaterThanOrEqualTo(1);
      assertThat(page.points("chart-csat")).isGreaterThanOrEqualTo(1);
      assertThat(page.text("lag-body")).contains("kefu-reply-service");
      assertThat(page.text("conversations")).contains("sim-");
      assertThat(page.text("kpi-replies")).matches("\\d+\\.\\d").isNotEqualTo("0.0");
    });
    // And they keep moving while the page stays open
    int throughputPoints = page.points("chart-throughput");
    await().atMost(PATIENCE).until(() -> page.points("chart-throughput") > throughputPoints);
    assertThat(page.text("chart-rating")).contains(BaseTrainingOptions.VERSION + " · ACTIVE");
    assertThat(page.text("kpi-active")).startsWith(BaseTrainingOptions.VERSION);
    await().atMost(PATIENCE).ignoreException(StaleElementReferenceException.class).untilAsserted(
        () -> assertThat(page.row(BaseTrainingOptions.VERSION).getAttribute("data-status")).isEqualTo("ACTIVE"));
    page.screenshot(SCREENSHOTS, "demo-dashboard-laptop-1366x768.png", 1366, 768, false);
  }

  @Test
  @Order(2)
  void shouldShowChineseAndEnglishTextAsWrittenAtLaptopAndPhoneWidth() throws IOException {
    // Given a Chinese-speaking customer who asked for a person, waiting in the queue
    // When the operator selects the conversation
    page.select(CHINESE_CONVERSATION);

    // Then the Chinese turns read as written, English ones too, and nothing on the page is mojibake
    await().atMost(PATIENCE).until(() -> page.text("handoff-transcript").contains(CHINESE_MESSAGE));
    assertThat(page.text("handoff-list")).contains(CHINESE_CONVERSATION, CHINESE_MESSAGE, HTML_CONVERSATION);
    assertThat(page.text("handoff-meta")).contains(CHINESE_CONVERSATION, "ZH");
    assertNoMojibake();
    page.screenshot(SCREENSHOTS, "demo-dashboard-laptop-1366-full.png", 1366, 768, true);

    // And in Chinese at phone width the page fits without sideways scrolling
    driver.findElement(By.id("lang-toggle")).click();
    await().atMost(PATIENCE).until(() -> page.text("models-card").contains("模型版本"));
    page.screenshot(SCREENSHOTS, "demo-dashboard-phone-390x844-zh.png", 390, 844, false);
    page.screenshot(SCREENSHOTS, "demo-dashboard-phone-390-full-zh.png", 390, 844, true);
    assertThat(page.text("handoff-transcript")).contains(CHINESE_MESSAGE);
    assertNoMojibake();
    driver.findElement(By.id("lang-toggle")).click();
    await().atMost(PATIENCE).until(() -> page.text("models-card").contains("Model registry"));
    page.fitsWidth(1366, 768);
  }

  @Test
  @Order(3)
  void shouldAnswerAHandoffFromTheQueueAndSeeTheHumanReplyOnAgentReplies() {
    String answer = "您好！退款已处理 / Your refund is on its way.";
    try (TopicReader<AgentReply> replies = new TopicReader<>(demo.config().kafkaClientProperties(),
        topics.agentReplies())) {
      // Given the Chinese customer's handoff selected in the queue
      page.select(CHINESE_CONVERSATION);
      await().atMost(PATIENCE).until(() -> page.text("handoff-transcript").contains(CHINESE_MESSAGE));

      // When the admin writes an answer and sends it
      WebElement box = driver.findElement(By.id("answer-text"));
      box.clear();
      box.sendKeys(answer);
      driver.findElement(By.id("answer-send")).click();

      // Then a HUMAN reply with that text, by the admin, to the customer's message, is on agent-replies
      // (read_committed)
      await().atMost(PATIENCE).untilAsserted(() -> assertThat(replies.poll())
          .filteredOn(r -> r.getAuthor() == AuthorKind.HUMAN)
          .singleElement()
          .satisfies(r -> {
            assertThat(r.getConversationId()).isEqualTo(CHINESE_CONVERSATION);
            assertThat(r.getText()).isEqualTo(answer);
            assertThat(r.getOperatorId()).isEqualTo("admin");
            assertThat(r.getInReplyTo()).isEqualTo("m-zh-1");
          }));
    }
    // And the conversation leaves the queue
    await().atMost(PATIENCE).untilAsserted(() -> {
      assertThat(driver.findElements(By.cssSelector("#handoff-list [data-conversation='" + CHINESE_CONVERSATION
          + "']"))).isEmpty();
      assertThat(page.text("handoff-empty")).isEqualTo("This conversation was answered or closed.");
    });
  }

  @Test
  @Order(4)
  void shouldShowHtmlAndScriptInCustomerTextLiterallyAndRunNoneOfIt() {
    // Given a customer who wrote markup and asked for a person, waiting in the queue
    // When the operator reads the handoff's transcript
    page.select(HTML_CONVERSATION);
    await().atMost(PATIENCE).until(() -> page.text("handoff-transcript").contains(HTML_MESSAGE));

    // Then the markup is shown as its characters, and none of it became an element or ran
    assertThat(page.text("handoff-list")).contains(SCRIPT_TEXT);
    assertNothingInjected();

    // And when the customer writes it again, the recent conversations show it as text too
    askForAPerson(HTML_CONVERSATION, "m-html-2", HTML_MESSAGE, Locale.EN);
    await().atMost(PATIENCE).until(() -> page.text("conversations").contains(SCRIPT_TEXT));
    assertNothingInjected();
  }

  @Test
  @Order(5)
  void shouldTrainACandidateFromTheButtonAndPromoteItOnceItRunsAsTheCanary() {
    // Given only the base model, ACTIVE, with enough of its replies rated by the customers to fine-tune on
    assertThat(versionsWithStatus("CANARY")).isEmpty();
    await().atMost(PATIENCE).ignoreException(StaleElementReferenceException.class)
        .until(() -> ratingsShown(BaseTrainingOptions.VERSION) >= RATINGS_BEFORE_TRAINING);

    // When the admin asks for a fine-tune run with the button
    page.clickCentered(driver.findElement(By.cssSelector("[data-training='train-now']")));

    // Then the fine-tuner trains a candidate from the customers' ratings, the canary controller puts it on a share
    // of the conversations, and only then may it be promoted
    await().atMost(Duration.ofSeconds(180)).ignoreException(org.openqa.selenium.TimeoutException.class)
        .until(() -> versionsWithStatus("CANARY").size() == 1);
    String canary = versionsWithStatus("CANARY").get(0);
    assertThat(canary).isNotEqualTo(BaseTrainingOptions.VERSION);
    await().atMost(PATIENCE).ignoreException(StaleElementReferenceException.class).untilAsserted(() -> {
      assertThat(page.row(canary).getText()).contains(BaseTrainingOptions.VERSION, "canary on");
      assertThat(page.button("promote", canary).isEnabled()).isTrue();
      assertThat(page.button("promote", BaseTrainingOptions.VERSION).isEnabled()).isFalse();
    });

    try (TopicReader<AgentReply> replies = new TopicReader<>(demo.config().kafkaClientProperties(),
        topics.agentReplies())) {
      // When the admin promotes the canary
      page.click("promote", canary);

      // Then the canary controller makes it ACTIVE and retires the base model, as the page shows without a reload
      await().atMost(PATIENCE).ignoreException(StaleElementReferenceException.class).untilAsserted(() -> {
        assertThat(page.row(canary).getAttribute("data-status")).isEqualTo("ACTIVE");
        assertThat(page.row(BaseTrainingOptions.VERSION).getAttribute("data-status")).isEqualTo("RETIRED");
        assertThat(page.text("kpi-active")).startsWith(canary);
        assertThat(page.row(canary).getText()).contains("promoted by operator admin");
      });
      // And the reply service answers the customers with it
      await().atMost(PATIENCE).untilAsserted(() -> assertThat(replies.poll())
          .anyMatch(r -> r.getAuthor() == AuthorKind.MODEL && canary.equals(r.getModelVersion())
              && r.getConversationId().startsWith("sim-")));
    }
  }

  @Test
  @Order(6)
  void shouldDisableEveryActionForAViewerAndRefuseItsPromoteWith403() {
    // Given the dashboard opened with the viewer token
    page.openAs(demo.viewerToken());
    await().atMost(PATIENCE).until(() -> !driver.findElements(By.cssSelector("#models-body tr")).isEmpty());

    // Then it shows the data but every action is disabled
    assertThat(page.text("role-badge")).startsWith("Viewer");
    assertThat(page.disabledStates("button[data-action]")).isNotEmpty().containsOnly(true);
    assertThat(page.disabledStates("[data-training]")).hasSize(3).containsOnly(true);
    assertThat(page.disabledStates("#answer-text, #answer-send, #handoff-close")).hasSize(3).containsOnly(true);

    // And the API refuses a promote with the viewer token, from the page and from outside it
    String promote = "/api/models/" + MODEL + "/" + BaseTrainingOptions.VERSION + "/promote";
    Object status = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
        + "fetch('" + promote + "', {method: 'POST', headers: {Authorization: 'Bearer ' "
        + "+ sessionStorage.getItem('kefu.token')}}).then(r => done(r.status));");
    assertThat(status).isEqualTo(403L);
    assertThat(new Http(demo.dashboardPort()).post(promote, demo.viewerToken(), null).statusCode()).isEqualTo(403);
  }

  @Test
  @Order(7)
  void shouldShowOnlyASignInPromptWithoutAToken() {
    // Given no token in the tab
    driver.executeScript("sessionStorage.clear()");

    // When the dashboard is opened
    driver.get(page.base());

    // Then only the sign-in form shows, with none of the data
    await().atMost(PATIENCE).until(() -> driver.findElement(By.id("login-form")).isDisplayed());
    assertThat(driver.getPageSource()).doesNotContain(CHINESE_CONVERSATION, "sim-", BaseTrainingOptions.VERSION,
        "models-table");
    assertThat(driver.findElements(By.id("dashboard"))).isEmpty();
    Http http = new Http(demo.dashboardPort());
    assertThat(http.get("/api/snapshot", null).statusCode()).isEqualTo(401);
    assertThat(http.get("/api/models", null).statusCode()).isEqualTo(401);
  }

  private static void askForAPerson(String conversationId, String messageId, String text, Locale locale) {
    producer.send(topics.customerMessages(), conversationId,
        TestRecords.message(conversationId, messageId, text, locale, System.currentTimeMillis()));
  }

  /** The versions in the model registry table with {@code status}, read in one go while the page may redraw. */
  @SuppressWarnings("unchecked")
  private static List<String> versionsWithStatus(String status) {
    return (List<String>) driver.executeScript("return [...document.querySelectorAll("
        + "'#models-body tr[data-status=\"' + arguments[0] + '\"]')].map(r => r.dataset.version)", status);
  }

  /** How many ratings the registry row of {@code version} says it has (its live ratings cell). */
  private static int ratingsShown(String version) {
    return Pattern.compile("(\\d+) ratings").matcher(page.row(version).getText()).results()
        .mapToInt(m -> Integer.parseInt(m.group(1))).findFirst().orElse(0);
  }

  private static void assertNothingInjected() {
    assertThat(driver.findElements(By.cssSelector("#dashboard img, #dashboard script"))).isEmpty();
    assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    assertThat(driver.executeScript("return window.kefuXss === undefined")).isEqualTo(true);
  }

  /**
   * No replacement character and no UTF-8-read-as-Latin-1 pattern anywhere on the page, except in what the model
   * wrote: a tiny model's reply can itself hold U+FFFD (a byte sequence it never finished), which the page must show
   * as it is.
   */
  private static void assertNoMojibake() {
    String text = (String) driver.executeScript("return document.body.innerText");
    String notWrittenByTheModel = (String) driver.executeScript(
        "const copy = document.body.cloneNode(true);"
            + "copy.querySelectorAll('#conversations, .turn-model').forEach(e => e.remove());"
            + "return copy.textContent");
    assertThat(notWrittenByTheModel).doesNotContain("\uFFFD");
    assertThat(MOJIBAKE.matcher(text).results().map(m -> m.group()).toList()).as("mojibake in the page").isEmpty();
  }
}
