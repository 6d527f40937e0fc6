/**
 * The feedback stream: a Kafka Streams application that joins ratings with replies into redacted training examples
 * (exactly once), dead-letters what it cannot use, and keeps queryable operator aggregates per model version.
 */
package io.kefu.feedback;
