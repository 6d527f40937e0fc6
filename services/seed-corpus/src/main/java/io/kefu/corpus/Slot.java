package io.kefu.corpus;

/** A value a customer can mention, written {@code {name}} in the templates. */
public enum Slot {
  /** An order number, {@code ORD-} and eight digits. */
  ORDER("order"),
  /** A product name in the conversation's language. */
  PRODUCT("product"),
  /** An amount of money in the currency of the conversation's language ($ or ¥). */
  AMOUNT("amount"),
  /** A calendar day ("March 14", "3月14日"). */
  DATE("date"),
  /** A city name in the conversation's language. */
  CITY("city"),
  /** A promotion code. */
  PROMO("promo"),
  /** An e-mail address (on the reserved example domains). */
  EMAIL("email");

  private final String key;

  Slot(String key) {
    this.key = key;
  }

  /** The name used in templates, e.g. {@code order}. */
  public String key() {
    return key;
  }

  /** The placeholder as written in templates, e.g. {@code {order}}. */
  public String placeholder() {
    return "{" + key + "}";
  }

  /** The slot whose template name is {@code key}. */
  public static Slot ofKey(String key) {
    for (Slot slot : values()) {
      if (slot.key.equals(key)) {
        return slot;
      }
    }
    throw new IllegalArgumentException("unknown slot '" + key + "', expected one of order, product, amount, date, "
        + "city, promo, email");
  }
}
