/** Check-digit algorithms (Luhn, ISO 7064 MOD 97-10 for IBANs, ISO 7064 MOD 11-2 for Chinese resident IDs) that tell real identifiers from look-alike numbers. */
package io.kefu.redaction.checksum;
