/** Questions to the cluster about consumer groups: how far a group is behind its input. */
package io.kefu.kafka.admin;
