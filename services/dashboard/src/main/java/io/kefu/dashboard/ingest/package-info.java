/** Reading Kafka for the dashboard: the record feed into the views and the consumer-lag sampler. */
package io.kefu.dashboard.ingest;
