/** Operator tokens and roles: who may see the dashboard and who may act on it. */
package io.kefu.dashboard.auth;
