/** The chaos scenarios (crash, zombie, broker restart, backlog), each a run from options to a checked result. */
package io.kefu.chaos.scenario;
