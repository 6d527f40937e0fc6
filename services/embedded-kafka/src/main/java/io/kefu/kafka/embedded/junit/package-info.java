/**
 * A JUnit 5 extension that runs one {@link io.kefu.kafka.embedded.EmbeddedKafkaBroker} per test class; JUnit is
 * a provided dependency, so only test code that already has JUnit can use this package.
 */
package io.kefu.kafka.embedded.junit;
