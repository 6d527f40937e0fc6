package io.kefu.redaction;

/** A kind of personal data the redactor recognises, with the placeholder that replaces it. */
public enum PiiType {
  EMAIL("<EMAIL>"),
  PHONE("<PHONE>"),
  CARD("<CARD>"),
  IBAN("<IBAN>"),
  CN_RESIDENT_ID("<CN_ID>"),
  IPV4("<IP>"),
  STREET_ADDRESS("<ADDRESS>");

  private final String placeholder;

  PiiType(String placeholder) {
    this.placeholder = placeholder;
  }

  /** The text that stands in for a redacted value of this type, e.g. {@code <EMAIL>}. */
  public String placeholder() {
    return placeholder;
  }
}
