/**
 * Fault-injection proofs of Kefu's exactly-once pipeline, modelled on Apache Kafka's transactions_test.py and
 * streams_eos_test.py: services run as separate OS processes and are killed, paused or cut off from their broker
 * under load, then a read_committed consumer checks that every message was answered exactly once, in order.
 */
package io.kefu.chaos;
