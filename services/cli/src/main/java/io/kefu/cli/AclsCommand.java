package io.kefu.cli;

import io.kefu.kafka.config.CoreSettings;
import io.kefu.kafka.config.KefuConfig;
import io.kefu.kafka.topic.TopicCatalogue;
import io.kefu.security.acl.AclInstaller;
import io.kefu.security.acl.AclPlan;
import io.kefu.security.acl.KefuService;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Prints, and with --apply installs, the least-privilege ACLs of every Kefu service principal. */
@Command(name = "acls", mixinStandardHelpOptions = true,
    header = "Print (or apply) least-privilege Kafka ACLs per service.",
    description = {"Print the least-privilege Kafka ACLs of each Kefu service (topics, groups, transactional ids,",
        "Streams internal topics), and with --apply install them idempotently (run as a Kafka super user; ACLs",
        "outside the plan are reported, never deleted)."})
public final class AclsCommand implements Callable<Integer> {

  @Mixin ConnectionOptions connection;

  @Option(names = "--principal", paramLabel = "SERVICE=PRINCIPAL",
      description = "Principal of a service, e.g. --principal reply-service=User:reply. Default User:<service>.")
  Map<String, String> principals = new LinkedHashMap<>();

  @Option(names = "--apply", description = "Install the ACLs (default: only print them).")
  boolean apply;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    KefuConfig config = connection.load();
    Map<KefuService, String> byService = new EnumMap<>(KefuService.class);
    for (KefuService service : KefuService.values()) {
      byService.put(service, service.defaultPrincipal());
    }
    principals.forEach((service, principal) -> byService.put(KefuService.fromId(service), principal));
    AclPlan plan = AclPlan.forPrincipals(byService, TopicCatalogue.load(config.get(CoreSettings.TOPIC_PREFIX)));
    PrintWriter out = spec.commandLine().getOut();
    out.println(plan.table());
    if (apply) {
      try (Admin admin = Admin.create(config.kafkaClientProperties())) {
        AclInstaller.Outcome outcome = plan.apply(admin);
        out.printf("created %d, already present %d, outside the plan %d%n", outcome.created().size(),
            outcome.present().size(), outcome.unplanned().size());
        outcome.unplanned().forEach(binding -> out.println("  not in plan: " + binding));
      }
    }
    out.flush();
    return 0;
  }
}
