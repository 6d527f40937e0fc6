/** Measurements: generation throughput and latency, decode-step cost, and reply quality. */
package io.kefu.model.bench;
