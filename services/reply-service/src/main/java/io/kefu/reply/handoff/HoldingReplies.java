package io.kefu.reply.handoff;

import io.kefu.contract.Locale;

/** The short reply a customer gets, in their language, while a person takes over the conversation. */
public final class HoldingReplies {
  static final String ENGLISH =
      "Thanks for your patience. I'm passing your conversation to a member of our team, who will reply here shortly.";
  static final String CHINESE = "感谢您的耐心等待，正在为您转接人工客服，请稍候，客服人员会尽快在这里回复您。";

  private HoldingReplies() {}

  /** The holding reply for {@code locale}; English for anything but Chinese. */
  public static String text(Locale locale) {
    return locale == Locale.ZH ? CHINESE : ENGLISH;
  }
}
