/**
 * {@code kefu bench load}: the real reply service on an embedded broker and registry, driven at fixed message rates,
 * measuring throughput, end-to-end latency (customer message produced to reply visible to a read_committed consumer),
 * model time, the overhead Kafka and the reply loop add, consumer lag and, in a soak, heap after GC.
 */
package io.kefu.loadbench;
