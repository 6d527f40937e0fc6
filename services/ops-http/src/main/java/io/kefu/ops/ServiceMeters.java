package io.kefu.ops;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;

/**
 * A service's Prometheus registry with the JVM's figures (memory, GC, threads, class loading, CPU, uptime) bound,
 * to which the service adds its own meters and its Kafka clients' metrics.
 */
public final class ServiceMeters implements AutoCloseable {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final List<KafkaClientMetrics> clients = new ArrayList<>();
  private final JvmGcMetrics gc = new JvmGcMetrics();

  /** A registry with the JVM binders bound. */
  public ServiceMeters() {
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** Publishes a producer's client metrics ({@code kafka_producer_*}) until {@link #close()}. */
  public synchronized void bind(Producer<?, ?> producer) {
    bind(new KafkaClientMetrics(producer));
  }

  /** Publishes a consumer's client metrics ({@code kafka_consumer_*}) until {@link #close()}. */
  public synchronized void bind(Consumer<?, ?> consumer) {
    bind(new KafkaClientMetrics(consumer));
  }

  private void bind(KafkaClientMetrics binder) {
    binder.bindTo(registry);
    clients.add(binder);
  }

  /** The Prometheus text exposition of every meter. */
  public String scrape() {
    return registry.scrape();
  }

  /** Stops the client binders and the GC listener and closes the registry. */
  @Override
  public synchronized void close() {
    clients.forEach(KafkaClientMetrics::close);
    clients.clear();
    gc.close();
    registry.close();
  }
}
