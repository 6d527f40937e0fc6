package io.kefu.security.acl;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/** Collects the ALLOW bindings of one principal from any host, in the order given, without repeats. */
final class Grants {
  private static final String ANY_HOST = "*";

  private final String principal;
  private final Set<AclBinding> bindings = new LinkedHashSet<>();

  Grants(String principal) {
    this.principal = principal;
  }

  /** Reading (which includes describing) each named topic. */
  Grants readTopics(List<String> topics) {
    topics.forEach(topic -> allow(ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.READ));
    return this;
  }

  /** Writing (which includes describing) each named topic. */
  Grants writeTopics(List<String> topics) {
    topics.forEach(topic -> allow(ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.WRITE));
    return this;
  }

  /** {@code operation} on one resource, named literally or by prefix. */
  Grants allow(ResourceType type, String name, PatternType pattern, AclOperation operation) {
    bindings.add(new AclBinding(new ResourcePattern(type, name, pattern),
        new AccessControlEntry(principal, ANY_HOST, operation, AclPermissionType.ALLOW)));
    return this;
  }

  List<AclBinding> bindings() {
    return new ArrayList<>(bindings);
  }
}
