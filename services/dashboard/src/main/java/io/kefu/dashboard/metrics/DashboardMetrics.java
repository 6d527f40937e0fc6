package io.kefu.dashboard.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The dashboard's meters: JVM and process figures, records read per topic, undecodable records, operator actions by
 * kind and outcome, refused requests by status, and open live connections; scraped at {@code /metrics}.
 */
public final class DashboardMetrics implements AutoCloseable {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gcMetrics = new JvmGcMetrics();
  private final Map<String, Counter> readCounters = new ConcurrentHashMap<>();

  public DashboardMetrics() {
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    gcMetrics.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  /** The registry, for binders such as Kafka client metrics. */
  public MeterRegistry registry() {
    return registry;
  }

  /** One record read from {@code topic}. */
  public void recordRead(String topic) {
    readCounters.computeIfAbsent(topic, t -> Counter.builder("kefu.dashboard.records.read")
        .description("Records the dashboard read, per topic").tag("topic", t).register(registry)).increment();
  }

  /** One record of {@code topic} that could not be decoded or applied, for {@code reason}. */
  public void recordRefused(String topic, String reason) {
    Counter.builder("kefu.dashboard.records.refused")
        .description("Records the dashboard could not decode or apply, per topic and reason")
        .tag("topic", topic).tag("reason", reason).register(registry).increment();
  }

  /** One operator action of {@code kind} that ended with {@code outcome} (ok or a problem name). */
  public void action(String kind, String outcome) {
    Counter.builder("kefu.dashboard.operator.actions").description("Operator actions, per kind and outcome")
        .tag("kind", kind).tag("outcome", outcome).register(registry).increment();
  }

  /** One request refused with HTTP {@code status} (401 or 403). */
  public void denied(int status) {
    Counter.builder("kefu.dashboard.requests.denied").description("Requests refused for a missing or weak token")
        .tag("status", Integer.toString(status)).register(registry).increment();
  }

  /** Reports {@code value} as the gauge {@code name}. */
  public void gauge(String name, String description, Supplier<Number> value) {
    Gauge.builder(name, value).description(description).register(registry);
  }

  /** The Prometheus text exposition of every meter. */
  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void close() {
    gcMetrics.close();
    registry.close();
  }
}
