/**
 * Avro serdes in the Confluent wire format and a client for the Confluent Schema Registry REST API: the
 * serializer/deserializer/serde, the REST and in-memory registry clients, and the compatibility rules they share.
 */
package io.kefu.serde;
