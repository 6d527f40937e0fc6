/**
 * A real single-node Apache Kafka broker (KRaft, combined broker and controller) run in-process from Kafka's own
 * server classes, with a data directory that survives restarts: {@link io.kefu.kafka.embedded.EmbeddedKafkaBroker}.
 */
package io.kefu.kafka.embedded;
