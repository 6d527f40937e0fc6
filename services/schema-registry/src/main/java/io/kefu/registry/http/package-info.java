/**
 * The registry's HTTP face: Confluent Schema Registry's REST routes (thin controllers over the service), content-type
 * negotiation, error bodies, basic auth and the https connector.
 */
package io.kefu.registry.http;
