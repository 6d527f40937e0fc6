package io.kefu.corpus;

import java.util.regex.Pattern;

/**
 * What makes a next step concrete: an action already taken ("I've sent", "已为您") or a time to hold on to (a time
 * frame, today/tomorrow, a clock time, a calendar day). Terse replies contain none of these; complete replies
 * contain at least one (the tests check every template).
 */
final class NextStepMarkers {

  private static final Pattern EN = Pattern.compile(
      "\\b\\d+(?:-\\d+)?\\s*(?:business\\s+)?(?:minutes?|hours?|days?|weeks?|months?|years?)\\b"
          + "|\\b(?:today|tomorrow|tonight|just now)\\b"
          + "|\\b\\d{1,2}:\\d{2}\\b"
          + "|\\bI(?:'ve|’ve| have)\\s"
          + "|\\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\\s+\\d{1,2}\\b",
      Pattern.CASE_INSENSITIVE);

  private static final Pattern ZH = Pattern.compile(
      "\\d+(?:-\\d+)?\\s*个?(?:工作日|小时|分钟|天|周|个月|年)"
          + "|今天|明天|今晚"
          + "|\\d{1,2}:\\d{2}"
          + "|已经?(?:为|帮|给|将|把|向)"
          + "|\\d{1,2}月\\d{1,2}日");

  private NextStepMarkers() {}

  /** True when {@code reply} has a concrete-next-step marker of {@code lang}. */
  static boolean present(Lang lang, String reply) {
    return (lang == Lang.EN ? EN : ZH).matcher(reply).find();
  }
}
