/** Decoding of the sources (read as bytes) into contract records, with refused records routed to dead-letter topics. */
package io.kefu.feedback.decode;
