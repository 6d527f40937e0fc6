package io.kefu.corpus;

/** What a customer wants; every intent has customer phrasings and replies in both languages. */
public enum Intent {
  /** Where is my order. */
  ORDER_STATUS(true),
  /** Give me my money back. */
  REFUND(true),
  /** I want to send an item back. */
  RETURN(true),
  /** My delivery is late. */
  SHIPPING_DELAY(true),
  /** My delivery arrived damaged. */
  DAMAGED_DELIVERY(true),
  /** Ship it somewhere else. */
  ADDRESS_CHANGE(true),
  /** Cancel an order. */
  CANCEL_ORDER(true),
  /** Stop a subscription or membership. */
  CANCEL_SUBSCRIPTION(false),
  /** I was charged wrongly. */
  BILLING_DISPUTE(true),
  /** My payment does not go through. */
  PAYMENT_FAILED(true),
  /** Send me an invoice or receipt. */
  INVOICE_REQUEST(true),
  /** I forgot my password. */
  PASSWORD_RESET(false),
  /** My account is locked. */
  ACCOUNT_LOCKED(false),
  /** My product is faulty and under warranty. */
  WARRANTY_CLAIM(true),
  /** A question about a product's features. */
  PRODUCT_QUESTION(false),
  /** A promotion code or discount. */
  PROMO_CODE(false),
  /** When are your stores open. */
  STORE_HOURS(false),
  /** A complaint about the service. */
  COMPLAINT(false),
  /** Let me talk to a person. */
  ASK_FOR_HUMAN(false),
  /** Thanks, goodbye. */
  GREETING_THANKS(false),
  /** Loyalty points. */
  LOYALTY_POINTS(false),
  /** Gift card balance. */
  GIFT_CARD_BALANCE(false);

  private final boolean aboutAnOrder;

  Intent(boolean aboutAnOrder) {
    this.aboutAnOrder = aboutAnOrder;
  }

  /** True when the agent needs an order number to act, so it may ask for one before answering. */
  public boolean aboutAnOrder() {
    return aboutAnOrder;
  }
}
