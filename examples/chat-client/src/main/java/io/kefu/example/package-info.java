/**
 * A chat platform's side of Kefu, as a small runnable example: send a customer message, wait for the agent reply to
 * it, and send the customer's rating, using only kafka-clients, the generated contract classes and the Confluent
 * wire-format serde.
 */
package io.kefu.example;
