package io.kefu.dashboard.support;

import io.kefu.contract.Locale;
import io.kefu.kafka.topic.KefuTopics;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A stand-in for the chat platform and the reply service during a test: every tick it writes a customer message, the
 * model's reply (mostly from the ACTIVE version, some from the CANARY) and the customer's rating, in English or
 * Chinese, and now and then a handoff.
 */
public final class LiveTraffic implements AutoCloseable {
  private final TestProducer producer;
  private final KefuTopics topics;
  private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "test-live-traffic");
    t.setDaemon(true);
    return t;
  });
  private final SplittableRandom random = new SplittableRandom(7);
  private final AtomicInteger ticks = new AtomicInteger();
  private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

  public LiveTraffic(TestProducer producer, KefuTopics topics) {
    this.producer = producer;
    this.topics = topics;
  }

  /** Starts writing one conversation turn every {@code periodMillis}. */
  public LiveTraffic start(long periodMillis) {
    ticker.scheduleAtFixedRate(this::tickSafely, 0, periodMillis, TimeUnit.MILLISECONDS);
    return this;
  }

  private void tickSafely() {
    try {
      tick();
    } catch (RuntimeException e) {
      if (!ticker.isShutdown()) { // a send interrupted by close() is not a failure of the traffic
        failure.compareAndSet(null, e);
      }
    }
  }

  /** Writes the traffic of the last {@code spanMillis}, one turn every {@code stepMillis}, with past timestamps. */
  public LiveTraffic backfill(long spanMillis, long stepMillis) {
    long now = System.currentTimeMillis();
    for (long at = now - spanMillis; at < now; at += stepMillis) {
      tick(at);
    }
    return this;
  }

  private void tick() {
    tick(System.currentTimeMillis());
  }

  private void tick(long now) {
    int n = ticks.incrementAndGet();
    String conversation = "c-live-" + (n % 40);
    boolean chinese = n % 2 == 0;
    String messageId = "m-live-" + n;
    producer.send(topics.customerMessages(), null, now, conversation, TestRecords.message(conversation, messageId,
        chinese ? "我的订单 A" + (1000 + n) + " 什么时候到？" : "Where is my order A" + (1000 + n) + "?",
        chinese ? Locale.ZH : Locale.EN, now));
    boolean canary = n % 5 == 0;
    String version = canary ? "v2" : "v1";
    String replyId = "r-live-" + n;
    producer.send(topics.agentReplies(), null, now, conversation, TestRecords.modelReply(conversation, replyId, messageId,
        chinese ? "您的订单已发货，预计明天送达。" : "Your order has shipped and arrives tomorrow.", version,
        80 + random.nextInt(canary ? 120 : 260), now));
    int stars = canary ? 4 + random.nextInt(2) : 2 + random.nextInt(4);
    producer.send(topics.feedback(), null, now, replyId, TestRecords.rating(replyId, conversation, stars, now));
    if (n % 40 == 0) {
      producer.send(topics.handoffs(), null, now, conversation, TestRecords.handoff(conversation, messageId, java.util.List.of(
          TestRecords.customerTurn(chinese ? "我要找人工客服" : "I want to talk to a person")),
          io.kefu.contract.HandoffStatus.OPEN, now));
    }
  }

  /** Turns written so far. */
  public int ticks() {
    return ticks.get();
  }

  /** The first failure of the writing thread, if any. */
  public RuntimeException failure() {
    return failure.get();
  }

  @Override
  public void close() throws InterruptedException {
    ticker.shutdownNow();
    ticker.awaitTermination(10, TimeUnit.SECONDS);
  }
}
