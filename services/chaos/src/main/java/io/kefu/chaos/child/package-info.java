/**
 * The main classes a chaos run launches as child processes: each loads its settings from a properties file, starts
 * one Kefu service, prints a start marker and runs until it is killed or asked to stop.
 */
package io.kefu.chaos.child;
