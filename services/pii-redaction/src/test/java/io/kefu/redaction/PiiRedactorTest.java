package io.kefu.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PiiRedactorTest {
  private final PiiRedactor redactor = new PiiRedactor();

  @Test
  void placeholdersReplaceEachValueAndCountsAreRecordedPerType() {
    // Given a message with two phones, an e-mail, a card, an IP and kept business data
    String text = "Order ORD-12345678 ($49.99): call 555-123-4567 or +44 20 7946 0958, "
        + "mail a.b@example.com, card 4111 1111 1111 1111, from 10.0.0.1";

    // When it is redacted
    Redaction redaction = redactor.redact(text);

    // Then each value is replaced by its placeholder and counted
    assertThat(redaction.text()).isEqualTo("Order ORD-12345678 ($49.99): call <PHONE> or <PHONE>, "
        + "mail <EMAIL>, card <CARD>, from <IP>");
    assertThat(redaction.counts()).containsExactlyInAnyOrderEntriesOf(Map.of(
        PiiType.EMAIL, 1, PiiType.PHONE, 2, PiiType.CARD, 1, PiiType.IBAN, 0,
        PiiType.CN_RESIDENT_ID, 0, PiiType.IPV4, 1, PiiType.STREET_ADDRESS, 0));
    assertThat(redaction.total()).isEqualTo(5);
  }

  @Test
  void textWithoutPersonalDataComesBackUnchangedWithZeroCounts() {
    String text = "订单号 202311051234 金额¥1,299.00，预计2024年3月5日 14:30 送达，共3件";
    Redaction redaction = redactor.redact(text);
    assertThat(redaction.text()).isEqualTo(text);
    assertThat(redaction.total()).isZero();
  }

  @Test
  void redactingTwiceChangesNothingMore() {
    // Given every labelled input redacted once, When the output is redacted again, Then it is unchanged
    for (LabelledRow row : LabelledSet.load()) {
      String once = redactor.redact(row.input()).text();
      Redaction twice = redactor.redact(once);
      assertThat(twice.text()).as(row.toString()).isEqualTo(once);
      assertThat(twice.total()).as(row.toString()).isZero();
    }
  }

  @Test
  void oneRedactorSharedByFourThreadsGivesTheSameResultsAsOneThread() throws Exception {
    // Given the labelled inputs and their sequential redactions
    List<String> inputs = LabelledSet.load().stream().map(LabelledRow::input).toList();
    List<String> sequential = inputs.stream().map(text -> redactor.redact(text).text()).toList();

    // When four threads redact all of them concurrently with the same redactor
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<List<String>>> tasks = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        tasks.add(() -> inputs.stream().map(text -> redactor.redact(text).text()).toList());
      }
      // Then every thread's results equal the sequential ones
      for (Future<List<String>> result : pool.invokeAll(tasks, 60, TimeUnit.SECONDS)) {
        assertThat(result.get()).isEqualTo(sequential);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
