package io.kefu.redaction;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps business identifiers that only look like personal data: a number directly after ORD-, #, "order
 * (no./number/#)", "tracking", "waybill", "SKU", 订单(号), 运单(号), 快递单号, 物流单号, 货号 or 单号 is an order,
 * tracking or product number, never a phone, card, ID, IBAN or IP.
 */
final class ProtectedContext {
  private static final Set<PiiType> NUMERIC_TYPES = EnumSet.of(
      PiiType.PHONE, PiiType.CARD, PiiType.IBAN, PiiType.CN_RESIDENT_ID, PiiType.IPV4);
  private static final int WINDOW = 32;
  private static final Pattern PREFIX = Pattern.compile(
      "(?:ORD-"
          + "|#"
          + "|(?<![A-Za-z])(?:order|tracking|waybill|sku)(?: *(?:no\\.?|number|num|id|code|#))? *[:：#]? *"
          + "|(?:订单|运单|快递单|物流单|货号|单号)(?:号码|编号|号)? *(?:是|为)? *[:：]? *"
          + ")\\z",
      Pattern.CASE_INSENSITIVE);

  /** Whether {@code span} of {@code text} is a business identifier to keep rather than personal data. */
  boolean protects(String text, PiiSpan span) {
    if (!NUMERIC_TYPES.contains(span.type())) {
      return false;
    }
    Matcher matcher = PREFIX.matcher(text);
    matcher.region(Math.max(0, span.start() - WINDOW), span.start());
    // Transparent bounds let the look-behind see the char before "order" even at the window's edge.
    matcher.useTransparentBounds(true);
    return matcher.find();
  }
}
