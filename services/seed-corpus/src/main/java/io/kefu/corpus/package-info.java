/**
 * The synthetic seed corpus Kefu's own language model is trained on, and the judge that checks replies.
 *
 * <p>{@link io.kefu.corpus.SeedCorpus} generates bilingual (English, Simplified Chinese) customer-service
 * {@link io.kefu.corpus.Conversation}s over twenty {@link io.kefu.corpus.Intent}s from TSV templates under
 * {@code src/main/resources/io/kefu/corpus}; the {@link io.kefu.corpus.Split#HELD_OUT} split shares no customer
 * phrasing and no order number, product, city, promo code, date or amount with {@link io.kefu.corpus.Split#TRAIN}.
 * {@link io.kefu.corpus.ReplyJudge} is the documented check {@code kefu eval} applies to model replies, and
 * {@link io.kefu.corpus.HumanRequest} spots customers who ask for a person.
 */
package io.kefu.corpus;
