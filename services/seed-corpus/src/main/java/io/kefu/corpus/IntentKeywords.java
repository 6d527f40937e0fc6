package io.kefu.corpus;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The keywords that identify each intent in a reply, English and Chinese together. Every reply template of an
 * intent contains at least one of its keywords and none of another intent's (the tests check every template).
 */
final class IntentKeywords {

  private static final Map<Intent, List<String>> KEYWORDS = table();

  private IntentKeywords() {}

  private static Map<Intent, List<String>> table() {
    Map<Intent, List<String>> k = new EnumMap<>(Intent.class);
    k.put(Intent.ORDER_STATUS, List.of("status", "on its way", "状态", "运输途中"));
    k.put(Intent.REFUND, List.of("refund", "退款"));
    k.put(Intent.RETURN, List.of("return", "退货"));
    k.put(Intent.SHIPPING_DELAY, List.of("delay", "running behind", "延误", "延迟"));
    k.put(Intent.DAMAGED_DELIVERY, List.of("damaged", "broken", "损坏", "破损"));
    k.put(Intent.ADDRESS_CHANGE, List.of("address", "地址"));
    k.put(Intent.CANCEL_ORDER, List.of("cancel", "取消"));
    k.put(Intent.CANCEL_SUBSCRIPTION, List.of("subscription", "auto-renew", "订阅", "自动续费"));
    k.put(Intent.BILLING_DISPUTE, List.of("charge", "billed", "billing", "扣费", "扣款"));
    k.put(Intent.PAYMENT_FAILED, List.of("payment", "declined", "支付", "付款"));
    k.put(Intent.INVOICE_REQUEST, List.of("invoice", "receipt", "发票"));
    k.put(Intent.PASSWORD_RESET, List.of("password", "密码"));
    k.put(Intent.ACCOUNT_LOCKED, List.of("locked", "unlock", "锁定", "解锁"));
    k.put(Intent.WARRANTY_CLAIM, List.of("warranty", "保修"));
    k.put(Intent.PRODUCT_QUESTION, List.of("specs", "spec sheet", "product page", "参数", "规格", "详情页"));
    k.put(Intent.PROMO_CODE, List.of("promo", "discount", "coupon", "优惠"));
    k.put(Intent.STORE_HOURS, List.of("store", "opening hours", "门店", "营业"));
    k.put(Intent.COMPLAINT, List.of("complaint", "feedback", "投诉", "反馈"));
    k.put(Intent.ASK_FOR_HUMAN, List.of("human", "colleague", "person", "人工", "同事"));
    k.put(Intent.GREETING_THANKS, List.of("welcome", "glad", "anything else", "不客气", "很高兴", "还有什么"));
    k.put(Intent.LOYALTY_POINTS, List.of("points", "积分"));
    k.put(Intent.GIFT_CARD_BALANCE, List.of("gift card", "balance", "礼品卡", "余额"));
    for (Intent intent : Intent.values()) {
      if (!k.containsKey(intent)) {
        throw new IllegalStateException("intent " + intent + " has no reply keywords");
      }
    }
    return Map.copyOf(k);
  }

  /** The keywords of {@code intent}, lower case. */
  static List<String> of(Intent intent) {
    return KEYWORDS.get(intent);
  }

  /**
   * The intent whose keywords cover the most characters of {@code text} (case-insensitive, each keyword counted
   * once); empty when no keyword occurs or two intents tie for the most.
   */
  static Optional<Intent> classify(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    Intent best = null;
    int bestScore = 0;
    boolean tie = false;
    for (Intent intent : Intent.values()) {
      int score = 0;
      for (String keyword : KEYWORDS.get(intent)) {
        if (lower.contains(keyword)) {
          score += keyword.length();
        }
      }
      if (score > bestScore) {
        best = intent;
        bestScore = score;
        tie = false;
      } else if (score == bestScore && score > 0) {
        tie = true;
      }
    }
    return tie ? Optional.empty() : Optional.ofNullable(best);
  }
}
