/**
 * The registry's durable log: keys and values of the compacted {@code _schemas} topic, their JSON form, and the
 * Kafka store that writes records and applies them once it reads them back.
 */
package io.kefu.registry.store;
