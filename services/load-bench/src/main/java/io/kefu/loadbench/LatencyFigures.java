package io.kefu.loadbench;

/**
 * The latencies of one window's replies, in milliseconds.
 *
 * @param sent messages sent in the window
 * @param answered replies seen to them
 * @param untimed replies the model did not write (handed off before generation), counted with model time 0
 * @param endToEnd customer message handed to the producer until the reply is polled by a read_committed consumer
 * @param model the model's time for the reply: asked by the reply service until the reply was complete (engine
 *     queueing and batching included)
 * @param overhead end to end minus model time, per reply: what Kafka and the reply loop add
 * @param beforeModel message handed to the producer until the model was asked (produce, fetch, waiting for the reply
 *     loop's previous poll, earlier messages of the conversation in the same poll)
 * @param afterModel the model's reply complete until it was polled (waiting for the rest of its poll's generations,
 *     serialization, the transaction commit, the read_committed fetch)
 * @param service the replies' own {@code latencyMs}: the reply service's poll returned until the reply was handed to
 *     the producer
 */
public record LatencyFigures(long sent, long answered, long untimed, Percentiles endToEnd, Percentiles model,
    Percentiles overhead, Percentiles beforeModel, Percentiles afterModel, Percentiles service) {}
