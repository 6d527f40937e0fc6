/** Dead-letter routing: bad records go, with their original bytes, to {@code <source>.dlq} with headers that say why and where from. */
package io.kefu.kafka.dlq;
