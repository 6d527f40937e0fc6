/**
 * Detection and redaction of personal data (e-mail, phone, card, IBAN, Chinese resident ID, IPv4, street
 * address) in English and Chinese text, applied before anything reaches training data.
 *
 * <p>{@link io.kefu.redaction.PiiDetector} finds spans, {@link io.kefu.redaction.PiiRedactor} replaces them
 * with placeholders, {@link io.kefu.redaction.RedactingFilter} does it line by line for streams.
 */
package io.kefu.redaction;
