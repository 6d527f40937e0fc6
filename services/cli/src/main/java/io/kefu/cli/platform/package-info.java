/** The embedded platform: a real KRaft broker, the schema registry and Kefu's topics, in this process. */
package io.kefu.cli.platform;
