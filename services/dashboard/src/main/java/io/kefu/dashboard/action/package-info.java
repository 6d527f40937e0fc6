/** Operator actions: promote, roll back, train, pause, answer and close, each written as one record to Kafka. */
package io.kefu.dashboard.action;
