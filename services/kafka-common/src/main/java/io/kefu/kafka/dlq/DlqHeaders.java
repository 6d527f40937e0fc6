package io.kefu.kafka.dlq;

/** The header names every dead-letter record carries (values are UTF-8 strings). */
public final class DlqHeaders {
  /** Machine-readable reason, e.g. {@code WRONG_MAGIC_BYTE}, {@code EMPTY_TEXT}, {@code RATING_OUT_OF_RANGE}. */
  public static final String REASON = "kefu.dlq.reason";
  /** Human-readable detail. */
  public static final String DETAIL = "kefu.dlq.detail";
  /** Class of the exception that refused the record, when there was one. */
  public static final String EXCEPTION_CLASS = "kefu.dlq.exception.class";
  public static final String SOURCE_TOPIC = "kefu.dlq.source.topic";
  public static final String SOURCE_PARTITION = "kefu.dlq.source.partition";
  public static final String SOURCE_OFFSET = "kefu.dlq.source.offset";
  /** When the record was dead-lettered, epoch milliseconds. */
  public static final String TIMESTAMP = "kefu.dlq.timestamp";
  /** Which service dead-lettered it. */
  public static final String SERVICE = "kefu.dlq.service";

  private DlqHeaders() {}
}
