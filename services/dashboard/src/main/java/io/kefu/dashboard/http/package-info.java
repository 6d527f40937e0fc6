/**
 * The dashboard over HTTP: thin controllers for the page, the JSON views, the admin actions and the live stream,
 * behind operator-token access control; health and Prometheus metrics.
 */
package io.kefu.dashboard.http;
