/** Layered settings (defaults, file, environment, command line) with unknown keys rejected, and the reference of every setting. */
package io.kefu.kafka.config;
