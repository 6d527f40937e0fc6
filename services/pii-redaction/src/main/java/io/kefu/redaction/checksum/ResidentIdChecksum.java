package io.kefu.redaction.checksum;

/** The ISO 7064 MOD 11-2 check character of an 18-character mainland China resident ID number. */
public final class ResidentIdChecksum {
  private static final int BODY_LENGTH = 17;
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK_CHARACTERS = "10X98765432";

  private ResidentIdChecksum() {}

  /** The check character ({@code 0}-{@code 9} or {@code X}) for the first 17 digits {@code body}. */
  public static char checkCharacter(CharSequence body) {
    if (body.length() != BODY_LENGTH) {
      throw new IllegalArgumentException(
          "resident ID body must have 17 digits, had " + body.length() + " characters");
    }
    int sum = 0;
    for (int i = 0; i < BODY_LENGTH; i++) {
      char c = body.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException(
            "resident ID body must contain only ASCII digits, found a non-digit at index " + i);
      }
      sum += (c - '0') * WEIGHTS[i];
    }
    return CHECK_CHARACTERS.charAt(sum % 11);
  }

  /** Whether {@code id} (18 characters, the last may be {@code X} or {@code x}) has the right check character. */
  public static boolean isValid(CharSequence id) {
    if (id.length() != BODY_LENGTH + 1) {
      throw new IllegalArgumentException(
          "resident ID must have 18 characters, had " + id.length());
    }
    char last = Character.toUpperCase(id.charAt(BODY_LENGTH));
    return checkCharacter(id.subSequence(0, BODY_LENGTH)) == last;
  }
}
