/** The topic catalogue: topics declared once in infra/topics.json, their typed serdes, and idempotent creation. */
package io.kefu.kafka.topic;
