package io.kefu.corpus;

/** What a customer wants; {@code orderRelated} intents name the order in a complete reply when one is known. */
public enum Intent {
  ORDER_STATUS(true),
  REFUND(true),
  RETURN(true),
  SHIPPING_DELAY(true),
  DAMAGED_DELIVERY(true),
  ADDRESS_CHANGE(true),
  CANCEL_ORDER(true),
  CANCEL_SUBSCRIPTION(false),
  BILLING_DISPUTE(true),
  PAYMENT_FAILED(true),
  INVOICE_REQUEST(true),
  PASSWORD_RESET(false),
  ACCOUNT_LOCKED(false),
  WARRANTY_CLAIM(true),
  PRODUCT_QUESTION(false),
  PROMO_CODE(false),
  STORE_HOURS(false),
  COMPLAINT(true),
  ASK_FOR_HUMAN(true),
  GREETING_THANKS(false);

  private final boolean orderRelated;

  Intent(boolean orderRelated) {
    this.orderRelated = orderRelated;
  }

  /** Whether a complete reply to this intent names the order number when the conversation carries one. */
  public boolean orderRelated() {
    return orderRelated;
  }
}
