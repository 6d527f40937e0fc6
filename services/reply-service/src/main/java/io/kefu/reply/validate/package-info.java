/** Input checks on decoded customer messages: limits, keying, locale; failures name a DLQ reason. */
package io.kefu.reply.validate;
