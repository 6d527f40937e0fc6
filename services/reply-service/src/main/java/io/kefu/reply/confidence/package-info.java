/** Confidence of a generated reply (from its mean token log-probability) and calibration of the handoff threshold. */
package io.kefu.reply.confidence;
