/**
 * A secured local Kafka platform for tests and local runs: an embedded broker with SASL_SSL, SCRAM-SHA-512 and
 * least-privilege ACLs, Kefu's topics, and the schema registry with basic auth over TLS, with the settings each
 * service needs to connect as its own principal.
 */
package io.kefu.security.platform;
