/** The rating–reply join: held ratings, remembered replies, expiry, and the redacted training example. */
package io.kefu.feedback.join;
