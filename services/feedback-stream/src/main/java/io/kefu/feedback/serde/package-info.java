/** Serdes for values that stay inside the feedback stream (state stores, repartition topics). */
package io.kefu.feedback.serde;
