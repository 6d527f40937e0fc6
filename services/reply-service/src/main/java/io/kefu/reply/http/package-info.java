/** Observability of the reply service: health endpoints, Prometheus metrics and the service's own meters. */
package io.kefu.reply.http;
