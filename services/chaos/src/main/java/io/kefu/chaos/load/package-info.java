/** The load a chaos run puts on the pipeline: planned conversations and a steady producer that sends them in order. */
package io.kefu.chaos.load;
