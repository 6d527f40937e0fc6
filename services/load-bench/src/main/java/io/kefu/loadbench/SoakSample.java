package io.kefu.loadbench;

/**
 * One soak sample.
 *
 * @param seconds time since measuring began
 * @param heapAfterGcMib heap in use after a full collection, MiB
 * @param residentMib the process's resident memory (Java heap, native memory such as the model's tensors, mapped
 *     files), MiB; NaN where the operating system does not report it
 * @param lag the reply service's consumer lag, records
 * @param throughput replies per second that became visible since the previous sample
 * @param endToEndP99 p99 end-to-end latency, ms, of the messages sent in the interval before the previous one (NaN
 *     for the first samples)
 * @param overheadP99 p99 overhead, ms, of the same messages
 */
public record SoakSample(double seconds, double heapAfterGcMib, double residentMib, long lag, double throughput, double endToEndP99,
    double overheadP99) {}
