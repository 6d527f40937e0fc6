/**
 * The dashboard's in-memory views of Kefu's topics (throughput, latency, ratings, lag, model registry, handoffs,
 * conversations, dead letters, commands); each is bounded, thread-safe and fed by the ingest package.
 */
package io.kefu.dashboard.view;
