package io.kefu.redaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One row of the labelled set: input, expected output with placeholders, a note, and its line number. */
record LabelledRow(int line, String input, String expected, String note) {
  private static final Pattern PLACEHOLDER =
      Pattern.compile("<(EMAIL|PHONE|CARD|IBAN|CN_ID|IP|ADDRESS)>");
  private static final Map<String, PiiType> TYPES = Map.of(
      "EMAIL", PiiType.EMAIL, "PHONE", PiiType.PHONE, "CARD", PiiType.CARD, "IBAN", PiiType.IBAN,
      "CN_ID", PiiType.CN_RESIDENT_ID, "IP", PiiType.IPV4, "ADDRESS", PiiType.STREET_ADDRESS);

  /**
   * The gold spans: where in the input each placeholder of the expected output stands, found by matching the
   * expected output's literal parts against the input.
   */
  List<PiiSpan> goldSpans() {
    List<PiiType> types = new ArrayList<>();
    StringBuilder alignment = new StringBuilder();
    Matcher placeholder = PLACEHOLDER.matcher(expected);
    int literalStart = 0;
    while (placeholder.find()) {
      alignment.append(Pattern.quote(expected.substring(literalStart, placeholder.start()))).append("(.+?)");
      types.add(TYPES.get(placeholder.group(1)));
      literalStart = placeholder.end();
    }
    alignment.append(Pattern.quote(expected.substring(literalStart)));
    Matcher aligned = Pattern.compile(alignment.toString(), Pattern.DOTALL).matcher(input);
    if (!aligned.matches()) {
      throw new IllegalStateException(
          "labelled-set line " + line + ": expected output does not align with the input");
    }
    List<PiiSpan> spans = new ArrayList<>();
    for (int i = 0; i < types.size(); i++) {
      spans.add(new PiiSpan(types.get(i), aligned.start(i + 1), aligned.end(i + 1)));
    }
    return spans;
  }

  @Override
  public String toString() {
    return "line " + line + " (" + note + ")";
  }
}
