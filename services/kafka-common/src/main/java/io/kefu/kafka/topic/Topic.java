package io.kefu.kafka.topic;

import org.apache.kafka.common.serialization.Serde;

/**
 * A topic paired with the serdes of its keys and values, so every producer, consumer and Streams
 * {@code Consumed}/{@code Produced} uses the same ones.
 *
 * @param name full topic name (prefix included)
 * @param spec how the topic is laid out
 * @param keySerde serde of the keys
 * @param valueSerde serde of the values
 * @param <K> key type
 * @param <V> value type
 */
public record Topic<K, V>(String name, TopicSpec spec, Serde<K> keySerde, Serde<V> valueSerde) {}
