package io.kefu.security.acl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kefu.kafka.topic.TopicCatalogue;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AclPlanTest {
  private static final TopicCatalogue CATALOGUE = TopicCatalogue.load("");

  @Test
  void shouldPlanOnlyTheGivenServicesInServiceOrder() {
    // Given principals for the simulator and the fine-tuner, given in that order
    Map<KefuService, String> principals = new LinkedHashMap<>();
    principals.put(KefuService.SIMULATOR, "User:sim");
    principals.put(KefuService.FINE_TUNER, "User:ft");

    // When the plan is made
    AclPlan plan = AclPlan.forPrincipals(principals, CATALOGUE);

    // Then it holds the fine-tuner's 5 bindings, then the simulator's 4, and nothing for other services
    assertThat(plan.entries()).extracting(AclPlan.Entry::service).containsExactly(
        KefuService.FINE_TUNER, KefuService.FINE_TUNER, KefuService.FINE_TUNER, KefuService.FINE_TUNER,
        KefuService.FINE_TUNER, KefuService.SIMULATOR, KefuService.SIMULATOR, KefuService.SIMULATOR,
        KefuService.SIMULATOR);
    assertThat(plan.bindings()).hasSize(9);
  }

  @Test
  void shouldCountASharedBindingOnceWhenTwoServicesRunAsOnePrincipal() {
    // Given the dashboard and the simulator both running as User:ops (both read agent-replies)
    AclPlan plan = AclPlan.forPrincipals(
        Map.of(KefuService.DASHBOARD, "User:ops", KefuService.SIMULATOR, "User:ops"), CATALOGUE);

    // Then the plan lists 19 + 4 entries but 22 distinct bindings (READ on agent-replies is shared)
    assertThat(plan.entries()).hasSize(23);
    assertThat(plan.bindings()).hasSize(22);
  }

  @Test
  void shouldPrintThePlanAsAnAlignedTableWithAHeader() {
    AclPlan plan = AclPlan.forPrincipals(Map.of(KefuService.SIMULATOR, "User:simulator"), CATALOGUE);

    assertThat(plan.table()).isEqualTo(""
        + "SERVICE    PRINCIPAL       PERMISSION  OPERATION  RESOURCE  PATTERN   NAME               HOST\n"
        + "simulator  User:simulator  ALLOW       WRITE      TOPIC     LITERAL   customer-messages  *\n"
        + "simulator  User:simulator  ALLOW       WRITE      TOPIC     LITERAL   feedback           *\n"
        + "simulator  User:simulator  ALLOW       READ       TOPIC     LITERAL   agent-replies      *\n"
        + "simulator  User:simulator  ALLOW       READ       GROUP     PREFIXED  kefu-simulator     *\n");
  }

  @Test
  void shouldNameTheKnownServicesWhenAnIdIsUnknown() {
    assertThat(KefuService.fromId("Reply-Service")).isEqualTo(KefuService.REPLY_SERVICE);
    assertThat(KefuService.REPLY_SERVICE.defaultPrincipal()).isEqualTo("User:reply-service");
    assertThatThrownBy(() -> KefuService.fromId("billing"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no Kefu service 'billing'; services are reply-service, feedback-stream, fine-tuner, dashboard,"
            + " simulator, schema-registry");
  }
}
