/** Operator aggregates: events per version, windowed and running figures, and the latency histogram. */
package io.kefu.feedback.aggregate;
