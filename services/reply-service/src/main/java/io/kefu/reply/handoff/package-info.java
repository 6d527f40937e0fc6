/** When a conversation goes to a person (the customer asked, or the model is unsure) and what the customer is told. */
package io.kefu.reply.handoff;
