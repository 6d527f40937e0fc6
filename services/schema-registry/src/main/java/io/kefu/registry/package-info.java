/**
 * Kefu's embedded schema registry: Confluent Schema Registry's REST API over a compacted Kafka topic, for the default
 * mode where nothing else is installed. {@link io.kefu.registry.EmbeddedSchemaRegistry} is the entry point.
 */
package io.kefu.registry;
