package io.kefu.security.acl;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.acl.AclBinding;

/** Renders planned bindings as an aligned text table. */
final class AclTable {
  private static final List<String> HEADER =
      List.of("SERVICE", "PRINCIPAL", "PERMISSION", "OPERATION", "RESOURCE", "PATTERN", "NAME", "HOST");

  private AclTable() {}

  static String render(List<AclPlan.Entry> entries) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(HEADER);
    for (AclPlan.Entry entry : entries) {
      AclBinding binding = entry.binding();
      rows.add(List.of(entry.service().id(), binding.entry().principal(),
          binding.entry().permissionType().name(), binding.entry().operation().name(),
          binding.pattern().resourceType().name(), binding.pattern().patternType().name(),
          binding.pattern().name(), binding.entry().host()));
    }
    int[] widths = new int[HEADER.size()];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        line.append(row.get(i));
        if (i < row.size() - 1) {
          line.append(" ".repeat(widths[i] - row.get(i).length() + 2));
        }
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }
}
