package io.kefu.redaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kefu.redaction.checksum.Luhn;
import io.kefu.redaction.checksum.ResidentIdChecksum;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PiiDetectorTest {
  private static final Clock MID_2025 = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);
  private final PiiDetector detector = new PiiDetector(MID_2025);

  @Test
  void spansCarryTypeAndExactBoundaries() {
    // Given English text with an e-mail and a phone
    String text = "Mail a@b.io or call 13800138000";

    // When spans are detected, Then each has its type and half-open range
    assertThat(detector.detect(text)).containsExactly(
        new PiiSpan(PiiType.EMAIL, 5, 11),
        new PiiSpan(PiiType.PHONE, 20, 31));
  }

  @Test
  void chineseTextWithoutSpacesIsSplitAtDigitAndScriptBoundaries() {
    // Given Chinese text where digits touch Chinese characters
    String text = "请联系13800138000或发邮件到li@x.cn，地址北京市朝阳区建国路88号谢谢";

    // When spans are detected
    var spans = detector.detect(text);

    // Then phone, e-mail and address are found with nothing of the surrounding words
    assertThat(spans).extracting(span -> span.textIn(text))
        .containsExactly("13800138000", "li@x.cn", "北京市朝阳区建国路88号");
    assertThat(spans).extracting(PiiSpan::type)
        .containsExactly(PiiType.PHONE, PiiType.EMAIL, PiiType.STREET_ADDRESS);
  }

  @Test
  void theLongerOfTwoOverlappingSpansWins() {
    // Given an e-mail whose local part is a mobile number
    String text = "邮箱13800138000@139.com";

    // Then only the e-mail, which contains the phone, is reported
    assertThat(detector.detect(text)).containsExactly(new PiiSpan(PiiType.EMAIL, 2, 21));
  }

  @Test
  void anEquallyLongResidentIdAndCardAreResolvedInFavourOfTheResidentId() {
    // Given an 18-digit resident ID that is also Luhn-valid and starts like a card
    String id = "440305198407158130";
    assertThat(ResidentIdChecksum.isValid(id)).isTrue();
    assertThat(Luhn.isValid(id)).isTrue();

    // Then the tie goes to the resident ID, deterministically
    assertThat(detector.detect("身份证" + id)).containsExactly(new PiiSpan(PiiType.CN_RESIDENT_ID, 3, 21));
  }

  @Test
  void numbersAfterOrderOrTrackingPrefixesAreKept() {
    // Given mobile-, card- and ID-shaped numbers directly after order, tracking and product prefixes
    // Then none is reported, while the same number elsewhere is
    assertThat(detector.detect("订单号13800138000")).isEmpty();
    assertThat(detector.detect("订单编号：4111111111111111")).isEmpty();
    assertThat(detector.detect("Order No. 4111111111111111")).isEmpty();
    assertThat(detector.detect("ORD-4111111111111111")).isEmpty();
    assertThat(detector.detect("#4111111111111111")).isEmpty();
    assertThat(detector.detect("tracking: 13800138000")).isEmpty();
    assertThat(detector.detect("运单号 440305198407158130")).isEmpty();
    assertThat(detector.detect("手机13800138000")).containsExactly(new PiiSpan(PiiType.PHONE, 2, 13));
    assertThat(detector.detect("reorder 4111111111111111")).containsExactly(new PiiSpan(PiiType.CARD, 8, 24));
  }

  @Test
  void residentIdBirthDatesAfterTodayAreNotPlausible() {
    // Given an ID with a correct check character for someone born on 2024-01-01
    String body = "11010120240101123";
    String id = body + ResidentIdChecksum.checkCharacter(body);

    // Then it is an ID in mid-2025 but not in mid-2023, before that birth date
    PiiDetector in2023 = new PiiDetector(Clock.fixed(Instant.parse("2023-06-01T00:00:00Z"), ZoneOffset.UTC));
    assertThat(detector.detect(id)).containsExactly(new PiiSpan(PiiType.CN_RESIDENT_ID, 0, 18));
    assertThat(in2023.detect(id)).isEmpty();
  }

  @Test
  void aCardFollowedByAShortNumberIsFoundByItsShorterLayout() {
    // Given a card number followed by a space and three more digits (4-4-4-4-3 fails Luhn)
    String text = "4111 1111 1111 1111 123";

    // Then the 16-digit card is found and the trailing digits are not part of it
    assertThat(detector.detect(text)).containsExactly(new PiiSpan(PiiType.CARD, 0, 19));
  }

  @Test
  void containsPiiAnswersWhetherAnythingWasDetected() {
    assertThat(detector.containsPii("Order ORD-12345678 costs $49.99 on 2024-03-05")).isFalse();
    assertThat(detector.containsPii("write to ops@example.com")).isTrue();
    assertThat(detector.containsPii("")).isFalse();
  }

  @Test
  void nullTextAndEmptySpansAreRejected() {
    assertThatThrownBy(() -> detector.detect(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("text");
    assertThatThrownBy(() -> new PiiSpan(PiiType.EMAIL, 3, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("span must satisfy 0 <= start < end, was [3, 3)");
  }
}
