package io.baton.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.api.run.ErrorKind;
import io.baton.api.run.StepException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The hub: naming styles, errors, lifecycle, health, the bus and the reserved interfaces. */
class ModuleHubTest {
  private final HubFixture f = new HubFixture();

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void operationsMatchInEveryNamingStyle() {
    for (String style : List.of("create-context", "createContext", "create_context")) {
      Map<?, ?> made = (Map<?, ?>) f.hub.invoke("context", style, Map.of("name", style));
      assertThat(made.get("name")).isEqualTo(style);
    }
  }

  @Test
  void unknownNamesListWhatExistsWithADidYouMean() {
    assertThatThrownBy(() -> f.hub.invoke("context", "create-contxt", Map.of()))
        .isInstanceOf(StepException.class)
        .hasMessageContaining("did you mean \"create-context\"")
        .hasMessageContaining("its operations are [create-context, get-context");
    assertThatThrownBy(() -> f.hub.invoke("contxt", "create-context", Map.of()))
        .hasMessageContaining("did you mean \"context\"");
  }

  @Test
  void aStoppedModuleRefusesCallsAndHealthDegrades() {
    assertThat(f.hub.health().overall()).isEqualTo("healthy");
    f.hub.stop("dialog");
    assertThatThrownBy(
            () ->
                f.hub.invoke(
                    "dialog", "facilitate-communication", Map.of("participants", List.of("a"))))
        .isInstanceOfSatisfying(
            StepException.class,
            e -> assertThat(e.failure().kind()).isEqualTo(ErrorKind.UNAVAILABLE))
        .hasMessageContaining("module 'dialog' is stopped");
    assertThat(f.hub.health().overall()).isEqualTo("warning");
    f.hub.stop("plan");
    f.hub.stop("role");
    f.hub.stop("trace");
    assertThat(f.hub.health().overall()).isEqualTo("degraded");
    assertThat(f.hub.restart("dialog").state()).isEqualTo(ModuleState.RUNNING);
    assertThatThrownBy(() -> f.hub.configure("collab", Map.of("conflictResolution", "coin")))
        .hasMessageContaining("priority or timestamp");
    assertThat(f.hub.status("collab").state()).isEqualTo(ModuleState.FAILED);
    assertThat(f.hub.health().overall()).isEqualTo("critical");
    assertThat(f.hub.unregister("collab")).isTrue();
    assertThat(f.hub.statuses()).extracting(ModuleStatus::name).doesNotContain("collab");
  }

  @Test
  void modulesTalkOverTheBusWithCorrelationIdsAndSubscriptions() {
    List<ModuleMessage> seen = new ArrayList<>();
    f.hub.bus().subscribe("observer", Set.of("plan.*"), seen::add);
    Object context =
        f.hub.bus().send("plan", "context", "create-context", Map.of("name", "via bus"));
    f.hub.invoke(
        "plan",
        "create-plan",
        Map.of("objective", "x", "contextId", ((Map<?, ?>) context).get("contextId")));
    int delivered = f.hub.bus().broadcast("core", "plan.review", Map.of("note", "please review"));

    assertThat(delivered)
        .as("the observer and the trace recorder (it listens to every event)")
        .isEqualTo(2);
    assertThat(seen).extracting(ModuleMessage::type).containsExactly("plan.created", "plan.review");
    ModuleMessage request =
        f.hub.bus().history(100).stream()
            .filter(m -> m.kind() == ModuleMessage.Kind.REQUEST)
            .findFirst()
            .orElseThrow();
    assertThat(request.from()).isEqualTo("plan");
    assertThat(request.to()).isEqualTo("context");
    assertThat(request.outcome()).isEqualTo("answered");
    assertThat(request.correlationId()).isNotBlank();
  }

  @Test
  void anAgentWithTheCapabilityTakesOverAReservedInterfaceAndTheActivationIsReported() {
    assertThat(f.hub.agents().interfaces())
        .extracting(ReservedInterfaces.Status::servedBy)
        .containsOnly("rules");
    var activations =
        f.hub
            .agents()
            .register(
                "planner-1",
                Set.of("planning"),
                (capability, request, ctx) ->
                    Map.of("tasks", List.of("draft " + request.get("objective"), "check it")));
    assertThat(activations)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.module() + "." + a.operation()).isEqualTo("plan.create-plan");
              assertThat(a.activated()).isTrue();
            });

    Map<?, ?> plan =
        (Map<?, ?>) f.hub.invoke("plan", "create-plan", Map.of("objective", "the report"));
    assertThat(plan.get("plannedBy")).isEqualTo("agent");
    assertThat(ConformanceTest.field(plan.get("tasks"), "title"))
        .containsExactly("draft the report", "check it");

    f.hub.agents().unregister("planner-1");
    assertThat(
            ((Map<?, ?>) f.hub.invoke("plan", "create-plan", Map.of("objective", "y")))
                .get("plannedBy"))
        .isEqualTo("rules");
    assertThat(f.hub.agents().activations())
        .extracting(ReservedInterfaces.Activation::activated)
        .containsExactly(true, false);
    assertThat(f.hub.bus().history(1000))
        .extracting(ModuleMessage::type)
        .contains("hub.interface.activated", "hub.interface.deactivated");
  }

  @Test
  void collabDecidesByRuleAndNetworkRoutesThroughTheHub() {
    Map<?, ?> majority =
        (Map<?, ?>)
            f.hub.invoke(
                "collab",
                "decide",
                Map.of(
                    "options",
                    List.of("pg", "mysql"),
                    "votes",
                    Map.of("a", "pg", "b", "pg", "c", "mysql"),
                    "rule",
                    "majority"));
    assertThat(majority.get("decision")).isEqualTo("pg");
    Map<?, ?> noConsensus =
        (Map<?, ?>)
            f.hub.invoke(
                "collab",
                "decide",
                Map.of(
                    "options",
                    List.of("pg", "mysql"),
                    "votes",
                    Map.of("a", "pg", "b", "mysql"),
                    "rule",
                    "consensus"));
    assertThat(noConsensus.get("resolvedBy")).isEqualTo("rules:priority");

    f.hub.invoke("network", "register-node", Map.of("name", "hub", "kind", "service"));
    f.hub.invoke("network", "register-node", Map.of("name", "alice", "role", "reviewer"));
    f.hub.invoke("network", "register-node", Map.of("name", "bob", "role", "executor"));
    Map<?, ?> route =
        (Map<?, ?>) f.hub.invoke("network", "route", Map.of("from", "alice", "to", "bob"));
    assertThat(route.get("path")).isEqualTo(List.of("alice", "hub", "bob"));
    Map<?, ?> roles =
        (Map<?, ?>)
            f.hub.invoke("role", "assign-roles", Map.of("roles", List.of("reviewer", "writer")));
    assertThat(ConformanceTest.field(roles.get("assignments"), "agent"))
        .containsExactly("alice", "writer-agent");
    Map<?, ?> check =
        (Map<?, ?>)
            f.hub.invoke(
                "role", "check-permission", Map.of("role", "reviewer", "action", "approve"));
    assertThat(check.get("allowed")).isEqualTo(true);
    Map<?, ?> denied =
        (Map<?, ?>)
            f.hub.invoke("role", "check-permission", Map.of("role", "writer", "action", "approve"));
    assertThat(denied.get("allowed")).isEqualTo(false);
  }
}
