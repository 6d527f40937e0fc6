/** The HTTP API: interactive queries of the aggregate stores, health and Prometheus metrics. */
package io.kefu.feedback.http;
