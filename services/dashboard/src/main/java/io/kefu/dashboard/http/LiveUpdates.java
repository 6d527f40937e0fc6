package io.kefu.dashboard.http;

import io.javalin.Javalin;
import io.javalin.http.sse.SseClient;
import io.kefu.dashboard.auth.Role;
import io.kefu.dashboard.view.DashboardState;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live stream: {@code GET /api/stream} is a Server-Sent Events stream that gets a {@code snapshot} event on
 * connect and then every push interval, so open pages update without reloading.
 */
final class LiveUpdates {
  static final String EVENT = "snapshot";
  private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);

  private final DashboardState state;
  private final DashboardJson json;
  private final Duration interval;
  private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
  private ScheduledExecutorService pusher;

  LiveUpdates(DashboardState state, DashboardJson json, Duration interval) {
    this.state = state;
    this.json = json;
    this.interval = interval;
  }

  void addRoutes(Javalin app) {
    app.sse(AccessControl.STREAM_PATH, this::connect, Role.VIEWER);
  }

  private void connect(SseClient client) {
    client.keepAlive();
    client.onClose(() -> clients.remove(client));
    clients.add(client);
    send(client, json.write(state.snapshot()));
  }

  /** Starts pushing. */
  synchronized void start() {
    pusher = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "kefu-dashboard-push");
      t.setDaemon(true);
      return t;
    });
    pusher.scheduleWithFixedDelay(this::pushSafely, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Stops pushing and closes every stream. */
  synchronized void stop() {
    if (pusher != null) {
      pusher.shutdownNow();
      pusher = null;
    }
    clients.forEach(SseClient::close);
    clients.clear();
  }

  int clientCount() {
    return clients.size();
  }

  private void pushSafely() {
    try {
      push();
    } catch (RuntimeException e) {
      log.error("cannot push a dashboard snapshot; trying again in {} ms", interval.toMillis(), e);
    }
  }

  private void push() {
    if (clients.isEmpty()) {
      return;
    }
    String snapshot = json.write(state.snapshot());
    for (SseClient client : clients) {
      send(client, snapshot);
    }
  }

  private void send(SseClient client, String snapshot) {
    if (client.terminated()) {
      clients.remove(client);
      return;
    }
    try {
      client.sendEvent(EVENT, snapshot);
    } catch (RuntimeException e) {
      log.debug("dropping a live stream that cannot be written: {}", e.toString());
      clients.remove(client);
    }
  }
}
