/** Health probes and Prometheus metrics over HTTP for Kefu services that have no HTTP API of their own. */
package io.kefu.ops;
