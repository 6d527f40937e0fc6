package io.kefu.cli;

import io.kefu.redaction.RedactingFilter;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Filters text from stdin to stdout with the same redactor the feedback stream applies to training data. */
@Command(name = "redact", mixinStandardHelpOptions = true,
    header = "Redact personal data from stdin to stdout, line by line.",
    description = {"Redact personal data from stdin to stdout, one line in, one line out (UTF-8), with the redactor",
        "that cleans training data: e-mail, phone, card (Luhn), IBAN (mod 97), China resident ID (checksum), IPv4,",
        "street addresses become <EMAIL>, <PHONE>, <CARD>, <IBAN>, <CN_ID>, <IP>, <ADDRESS>; order numbers, amounts",
        "and dates are kept. Example: echo 'mail me at a@b.com' | kefu redact"})
public final class RedactCommand implements Callable<Integer> {

  @Override
  public Integer call() throws IOException {
    RedactingFilter.filterUtf8(System.in, System.out);
    System.out.flush();
    return 0;
  }
}
