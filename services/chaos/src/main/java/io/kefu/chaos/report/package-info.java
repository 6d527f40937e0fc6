/** The figures of a chaos run, printed as a table and written as JSON. */
package io.kefu.chaos.report;
