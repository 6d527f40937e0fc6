/** The reply service's view of the language model: the {@code ReplyGenerator} interface and its engine adapter. */
package io.kefu.reply.generate;
