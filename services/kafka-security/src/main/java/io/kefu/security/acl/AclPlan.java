package io.kefu.security.acl;

import io.kefu.kafka.topic.TopicCatalogue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AclBinding;

/**
 * The ACLs a set of service principals needs, service by service: what {@code kefu acls} prints as a table and
 * applies.
 *
 * <pre>{@code
 * AclPlan plan = AclPlan.forPrincipals(Map.of(KefuService.REPLY_SERVICE, "User:reply-service"),
 *     TopicCatalogue.load(config.get(CoreSettings.TOPIC_PREFIX)));
 * System.out.print(plan.table());
 * AclInstaller.Outcome outcome = plan.apply(admin);
 * }</pre>
 */
public final class AclPlan {
  /** One planned binding and the service it is for. */
  public record Entry(KefuService service, AclBinding binding) {
    public Entry {
      Objects.requireNonNull(service, "service");
      Objects.requireNonNull(binding, "binding");
    }
  }

  private final List<Entry> entries;

  private AclPlan(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /**
   * The plan for the given services' principals with the services' default groups and registry topic.
   *
   * @param principals principal per service, e.g. {@code REPLY_SERVICE -> "User:reply-service"}; services left out
   *     get nothing
   */
  public static AclPlan forPrincipals(Map<KefuService, String> principals, TopicCatalogue catalogue) {
    return forPrincipals(principals, ServiceAcls.defaults(catalogue));
  }

  /** The plan for the given services' principals with the groups and registry topic of {@code acls}. */
  public static AclPlan forPrincipals(Map<KefuService, String> principals, ServiceAcls acls) {
    List<Entry> entries = new ArrayList<>();
    new EnumMap<>(principals).forEach((service, principal) ->
        acls.forService(service, principal).forEach(binding -> entries.add(new Entry(service, binding))));
    return new AclPlan(entries);
  }

  /** Every planned binding with its service, service by service in {@link KefuService} order. */
  public List<Entry> entries() {
    return entries;
  }

  /** Every distinct planned binding (two services with one principal share bindings). */
  public List<AclBinding> bindings() {
    Set<AclBinding> distinct = new LinkedHashSet<>();
    entries.forEach(entry -> distinct.add(entry.binding()));
    return new ArrayList<>(distinct);
  }

  /** The plan as a text table, one binding per line, with a header. */
  public String table() {
    return AclTable.render(entries);
  }

  /** Applies the plan through {@code admin} (which must be allowed to alter ACLs); see {@link AclInstaller}. */
  public AclInstaller.Outcome apply(Admin admin) {
    return new AclInstaller(admin, AclInstaller.DEFAULT_TIMEOUT).apply(bindings());
  }

  /** Applies the plan, waiting at most {@code timeout} for Kafka. */
  public AclInstaller.Outcome apply(Admin admin, Duration timeout) {
    return new AclInstaller(admin, timeout).apply(bindings());
  }
}
