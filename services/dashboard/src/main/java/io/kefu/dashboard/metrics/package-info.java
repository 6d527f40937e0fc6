/** The dashboard's Micrometer meters, exposed in Prometheus format. */
package io.kefu.dashboard.metrics;
