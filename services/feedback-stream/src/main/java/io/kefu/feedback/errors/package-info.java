/** The explicit Kafka Streams exception handlers of the feedback stream and the one exception it fails on. */
package io.kefu.feedback.errors;
